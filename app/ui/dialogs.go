package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// A question the app asks in a dialog has a safe answer ("Not now"): the
// one that starts, removes or loses nothing. Escape means it, whatever has
// the focus (Fyne sends keys to the focused control, and its buttons take
// only Space), and so does closing the dialog any other way; it has the
// focus when the dialog opens. Return presses the main answer only where
// that is safe too (going to step 3 to export), never where it would start
// something; elsewhere it presses the focused button, as Space does.

// answer is one button of a question.
type answer struct {
	text       string
	icon       fyne.Resource
	importance widget.Importance
	do         func()
}

// question is a dialog shown by ask.
type question struct {
	d    *dialog.CustomDialog
	safe *dialogButton
	main *dialogButton
	// mainOnReturn: Return presses main (it is safe).
	mainOnReturn bool
	// Buttons in their order, safe first, main last.
	Buttons []*dialogButton
}

// dialogButton is a dialog's button that knows its question, for Escape and
// Return.
type dialogButton struct {
	button
	q *question
}

func newDialogButton(q *question, a answer) *dialogButton {
	b := &dialogButton{q: q}
	b.Text, b.Icon, b.Importance = a.text, a.icon, a.importance
	b.OnTapped = func() {
		q.d.Hide()
		if a.do != nil {
			a.do()
		}
	}
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey: Escape is the safe answer, Return the main one where safe.
func (b *dialogButton) TypedKey(ev *fyne.KeyEvent) {
	if b.q.key(ev, b) {
		return
	}
	b.Button.TypedKey(ev)
}

// key handles Escape and Return for the question; focused is the button
// with the focus (nil: none). It reports whether it took the key.
func (q *question) key(ev *fyne.KeyEvent, focused *dialogButton) bool {
	switch ev.Name {
	case fyne.KeyEscape:
		q.safe.OnTapped()
		return true
	case fyne.KeyReturn, fyne.KeyEnter:
		switch {
		case q.mainOnReturn:
			q.main.OnTapped()
		case focused != nil:
			focused.OnTapped()
		default:
			return false
		}
		return true
	}
	return false
}

// ask shows a question: title, body, the safe answer and the main one
// (the others, if any, between them). It opens with the safe answer
// focused; Escape means it; Return presses main only when mainOnReturn.
func (u *App) ask(title string, body fyne.CanvasObject, size fyne.Size, safe, main answer, mainOnReturn bool, others ...answer) *question {
	q := &question{mainOnReturn: mainOnReturn}
	q.d = dialog.NewCustomWithoutButtons(title, body, u.win)
	q.safe = newDialogButton(q, safe)
	q.Buttons = append(q.Buttons, q.safe)
	for _, a := range others {
		q.Buttons = append(q.Buttons, newDialogButton(q, a))
	}
	q.main = newDialogButton(q, main)
	q.Buttons = append(q.Buttons, q.main)
	objs := make([]fyne.CanvasObject, len(q.Buttons))
	for i, b := range q.Buttons {
		objs[i] = b
	}
	q.d.SetButtons(objs)
	u.questions = append(u.questions, q)
	q.d.SetOnClosed(func() {
		for i, x := range u.questions {
			if x == q {
				u.questions = append(u.questions[:i], u.questions[i+1:]...)
				break
			}
		}
	})
	q.d.Resize(size)
	q.d.Show()
	u.win.Canvas().Focus(q.safe)
	return q
}

// topQuestion is the question on top of the window, if the top overlay is
// one the app asked through ask.
func (u *App) topQuestion() *question {
	if len(u.questions) == 0 {
		return nil
	}
	return u.questions[len(u.questions)-1]
}
