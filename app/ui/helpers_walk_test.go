package ui

// The one set of walkers the UI tests find things on the window with:
// every object under a root (objectsIn, objects), a button by its text,
// the labels' text, and the objects as drawn, where they are and what
// clips them (drawnOn, inSight, drawnText). The harness is helpers_test.go.

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// children are the objects right under o: a container's, or a widget's
// renderer's.
func children(o fyne.CanvasObject) []fyne.CanvasObject {
	switch v := o.(type) {
	case *fyne.Container:
		return v.Objects
	case fyne.Widget:
		return test.WidgetRenderer(v).Objects()
	}
	return nil
}

// objectsIn lists the objects under roots, hidden ones too, through the
// renderers.
func objectsIn(roots ...fyne.CanvasObject) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil {
			return
		}
		out = append(out, o)
		for _, c := range children(o) {
			walk(c)
		}
	}
	for _, o := range roots {
		walk(o)
	}
	return out
}

// objects lists every object on the window's canvas, dialogs included.
func objects(c fyne.Canvas) []fyne.CanvasObject {
	return objectsIn(append([]fyne.CanvasObject{c.Content()}, c.Overlays().List()...)...)
}

// plainButton is o as Fyne's button when o is a plain button: Fyne's own,
// ours with its focus outline, or a question's (not a toggle or a choice,
// which are buttons drawn as something else).
func plainButton(o fyne.CanvasObject) (*widget.Button, bool) {
	switch v := o.(type) {
	case *widget.Button:
		return v, true
	case *button:
		return &v.Button, true
	case *dialogButton:
		return &v.Button, true
	}
	return nil, false
}

// findButton finds a plain button by its text under o.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	for _, x := range objectsIn(o) {
		if b, ok := plainButton(x); ok && b.Text == text {
			return b
		}
	}
	return nil
}

// labelsText joins the text of every label under o, and every card's title
// and subtitle, one a line, hidden ones too.
func labelsText(o fyne.CanvasObject) string {
	var b strings.Builder
	for _, x := range objectsIn(o) {
		switch v := x.(type) {
		case *widget.Label:
			b.WriteString(v.Text + "\n")
		case *widget.Card:
			b.WriteString(v.Title + "\n" + v.Subtitle + "\n")
		}
	}
	return b.String()
}

// drawnText is every text drawn on the canvas, one per line.
func drawnText(c fyne.Canvas) string {
	var b strings.Builder
	for _, d := range drawnOn(c) {
		if t, ok := d.obj.(*canvas.Text); ok {
			b.WriteString(t.Text + "\n")
		}
	}
	return b.String()
}

// inSight says whether o is drawn inside the window, with the scrolls as
// they are.
func inSight(c fyne.Canvas, o fyne.CanvasObject) bool {
	for _, d := range drawnOn(c) {
		if d.obj == o {
			seen := d.at.intersect(d.clip)
			return !seen.empty() && seen == d.at
		}
	}
	return false
}

// settle lays the window out at size as a real window ends up after its
// first frames: the GL driver lays out again every container whose
// content's minimum size changed (wrapped text grows taller once it knows
// its width); the test canvas does not, so the layout is done twice.
func settle(w fyne.Window, size fyne.Size) {
	w.Resize(size)
	w.Resize(size.AddWidthHeight(0, 1))
	w.Resize(size)
}

// scrollToObject scrolls the step so that o is at the top.
func scrollToObject(u *App, o fyne.CanvasObject) {
	settle(u.win, u.win.Canvas().Size())
	d := fyne.CurrentApp().Driver()
	y := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(u.body.Content).Y
	u.body.ScrollToOffset(fyne.NewPos(0, y))
}

// drawnOn is every visible object on the canvas's content, where it is
// drawn.
func drawnOn(c fyne.Canvas) []*drawn {
	var all []*drawn
	walk(c.Content(), fyne.Position{}, nil, nil, box{0, 0, c.Size().Width, c.Size().Height}, &all)
	return all
}

// textOf is the first text drawn in or by d.
func textOf(d *drawn) string {
	var out string
	var find func(o fyne.CanvasObject)
	find = func(o fyne.CanvasObject) {
		if out != "" || o == nil || !o.Visible() {
			return
		}
		if t, ok := o.(*canvas.Text); ok {
			out = strings.TrimSpace(t.Text)
			return
		}
		for _, c := range children(o) {
			find(c)
		}
	}
	find(d.obj)
	return out
}

// describe names an object for a failure message.
func describe(d *drawn) string {
	name := fmt.Sprintf("%T", d.obj)
	if t := textOf(d); t != "" {
		if len(t) > 40 {
			t = t[:40] + "…"
		}
		name += fmt.Sprintf(" %q", t)
	}
	return name
}

// box is a rectangle on the canvas.
type box struct{ x0, y0, x1, y1 float32 }

func (b box) String() string { return fmt.Sprintf("(%.0f,%.0f)-(%.0f,%.0f)", b.x0, b.y0, b.x1, b.y1) }

func (b box) intersect(o box) box {
	return box{max(b.x0, o.x0), max(b.y0, o.y0), min(b.x1, o.x1), min(b.y1, o.y1)}
}

func (b box) empty() bool { return b.x1-b.x0 < 1 || b.y1-b.y0 < 1 }

// drawn is one object on the canvas, where it is, and what holds it.
type drawn struct {
	obj    fyne.CanvasObject
	at     box // where it is laid out
	ink    box // for a text, where its letters are drawn
	parent *drawn
	scroll *drawn // the innermost scroll it is in, which clips it
	clip   box    // what of the canvas it can be seen in
}

func (d *drawn) has(o *drawn) bool {
	for p := o.parent; p != nil; p = p.parent {
		if p == d {
			return true
		}
	}
	return false
}

// control is the tappable or focusable widget this object belongs to, if any.
func (d *drawn) control() *drawn {
	var c *drawn
	for p := d; p != nil; p = p.parent {
		if isControl(p.obj) {
			c = p
		}
	}
	return c
}

func isControl(o fyne.CanvasObject) bool {
	if _, ok := o.(*container.Scroll); ok {
		return false
	}
	_, tap := o.(fyne.Tappable)
	_, focus := o.(fyne.Focusable)
	return tap || focus
}

// walk collects every visible object under o, laid out as it is on screen.
func walk(o fyne.CanvasObject, origin fyne.Position, parent, scroll *drawn, clip box, out *[]*drawn) {
	if o == nil || !o.Visible() {
		return
	}
	pos, size := origin.Add(o.Position()), o.Size()
	d := &drawn{obj: o, at: box{pos.X, pos.Y, pos.X + size.Width, pos.Y + size.Height}, parent: parent, scroll: scroll, clip: clip}
	d.ink = d.at
	*out = append(*out, d)
	var inside []fyne.CanvasObject
	switch o := o.(type) {
	case *canvas.Text:
		m := fyne.MeasureText(o.Text, o.TextSize, o.TextStyle)
		x := pos.X
		switch o.Alignment {
		case fyne.TextAlignCenter:
			x += (size.Width - m.Width) / 2
		case fyne.TextAlignTrailing:
			x += size.Width - m.Width
		}
		d.ink = box{x, pos.Y, x + m.Width, pos.Y + m.Height}
	case *container.Scroll:
		scroll, clip = d, clip.intersect(d.at)
		inside = []fyne.CanvasObject{o.Content}
	default:
		inside = children(o)
	}
	for _, c := range inside {
		walk(c, pos, d, scroll, clip, out)
	}
}
