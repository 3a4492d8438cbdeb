package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"transitionhelper/app/catalog"
	"transitionhelper/app/choose"
	"transitionhelper/app/progress"
)

// chooseWidgets are step 5's widgets.
type chooseWidgets struct {
	Choices    []string
	Devices    *toggleGroup
	Price      *choiceGroup
	Features   *toggleGroup
	Compare    []*toggle
	CompareBox *fyne.Container
	// Builtin lists the built-in protection shown apart, above the list;
	// BuiltinLine sums it up at the top of the step.
	Builtin     []string
	BuiltinLine *widget.Label
	// TurnOn opens Windows Security (Windows only).
	TurnOn *button
	// TopPick names the best matches at the top of the step, so that on a
	// small screen the answer is in sight before the questions; SeeAll
	// scrolls down to the full list.
	TopPick *widget.Label
	SeeAll  *button
	// ListTitle heads the ranked list; FullList folds the whole list.
	ListTitle *widget.Label
	FullList  *expander
	// NextStep says what to do after choosing.
	NextStep *widget.Label
}

// chooseView is step 5: the answer for the answers given first, then three
// questions (step5_questions.go), then the alternatives ranked by a rule
// shown on screen, each with its reasons (step5_card.go), and a
// side-by-side table of the ones ticked for comparison.
func (u *App) chooseView() fyne.CanvasObject {
	needs := u.state.CurrentNeeds()
	intro := paragraph(lang.X("choose.intro", "Pick one security program to replace Kaspersky. We are neutral: we earn nothing from any of them, and the links go to each company's own website."))
	choices := choose.Choose(u.cat.Alternatives, needs)
	answer, next := u.chooseAnswer(choices)
	// The answer first, in sight on a 1024×600 screen with larger text;
	// the questions that change it under it.
	box := container.NewVBox()
	box.Add(answer)
	box.Add(widget.NewSeparator())
	box.Add(intro)
	u.chooseQuestions(box, needs)
	u.Choose.FullList = newExpander(lang.X("choose.full-list", "The full list ({{.Count}} products)", map[string]any{"Count": len(choices.Ranked) + len(choices.Builtin)}), u.fullList(choices, needs))
	box.Add(u.Choose.FullList.Box)
	box.Add(paragraph(next))
	return box
}

// chooseAnswer is the answer for these answers, in a sentence or two: the
// free protection already on this computer and what is not part of it,
// then the best matches among the others; what to do next (next, said
// again under the list).
func (u *App) chooseAnswer(choices choose.Choices) (answer *fyne.Container, next string) {
	answer = container.NewVBox()
	enough := false
	for _, b := range choices.Builtin {
		u.Choose.Builtin = append(u.Choose.Builtin, b.Alternative.ID)
		u.Choose.BuiltinLine = heading(builtinLine(b))
		answer.Add(u.Choose.BuiltinLine)
		enough = enough || len(b.Lacks) == 0
	}
	if best := choices.Best(); len(best) > 0 {
		var names []string
		for _, r := range best {
			names = append(names, r.Alternative.Name)
		}
		text := lang.X("choose.best-one", "Best match for your answers among the others: {{.Names}}.", map[string]any{"Names": names[0]})
		if len(names) > 1 {
			text = lang.X("choose.best-many", "Equally good matches for your answers among the others: {{.Names}}.", map[string]any{"Names": strings.Join(names, ", ")})
		}
		u.Choose.TopPick = heading(text)
		answer.Add(u.Choose.TopPick)
	}
	next = lang.X("choose.next-install", "What to do next: install the one you choose from its company's website, then press Next. Step 6 checks that it is on.")
	if enough {
		next = lang.X("choose.next-enough", "What to do next: nothing to install. Press Next: step 6 checks that it is on.")
	}
	u.Choose.SeeAll = newButtonWithIcon(lang.X("choose.see-all-2", "See the full list and compare"), theme.MoveDownIcon(), u.scrollToChoices)
	answer.Add(container.NewHBox(u.Choose.SeeAll))
	u.Choose.NextStep = paragraph(next)
	answer.Add(u.Choose.NextStep)
	return answer, next
}

// fullList is the full list, folded under the questions: the built-in
// protection's card, the rule, one line on checking before buying, then the
// others by rank (equal places under one heading), then the side-by-side
// table of those ticked for comparison.
func (u *App) fullList(choices choose.Choices, needs progress.Needs) fyne.CanvasObject {
	list := container.NewVBox()

	rule := paragraph(lang.X("choose.rule-2", "How we order them: first those that work on all your devices, then those at the price you asked for (free only: a free version that protects all the time), then those with more of what you used in Kaspersky. Products with the same number are equally good matches; they are listed by name, which says nothing about which is better. No company pays for its place."))
	rule.TextStyle = fyne.TextStyle{Italic: true}
	for _, b := range choices.Builtin {
		list.Add(u.builtinCard(b))
	}
	u.Choose.ListTitle = heading(lang.X("choose.list-title-2", "Other products, best matches first"))
	list.Add(u.Choose.ListTitle)
	list.Add(rule)
	list.Add(paragraph(lang.X("choose.check-before-buy", "Prices and plans change: check each company's website before you buy. Where we could not check a detail, its card says so under \"Where these details come from\".")))

	u.Choose.Choices = nil
	compare := container.NewVBox()
	var ticked []catalog.Alternative
	redraw := func() {
		compare.Objects = []fyne.CanvasObject{compareTable(ticked)}
		compare.Refresh()
	}
	tick := func(a catalog.Alternative, on bool) {
		if on && !slices.ContainsFunc(ticked, func(x catalog.Alternative) bool { return x.ID == a.ID }) {
			ticked = append(ticked, a)
		} else if !on {
			ticked = slices.DeleteFunc(ticked, func(x catalog.Alternative) bool { return x.ID == a.ID })
		}
		redraw()
	}
	tied := map[int]int{}
	for _, r := range choices.Ranked {
		tied[r.Place]++
	}
	lastPlace := 0
	for _, r := range choices.Ranked {
		a := r.Alternative
		if tied[r.Place] > 1 && r.Place != lastPlace {
			list.Add(heading(lang.X("choose.tied", "{{.Place}}. Equally good matches, listed by name:", map[string]any{"Place": r.Place})))
		}
		lastPlace = r.Place
		u.Choose.Choices = append(u.Choose.Choices, a.ID)
		title := lang.X("choose.place", "{{.Place}}. {{.Name}}", map[string]any{"Place": r.Place, "Name": a.Name})
		if tied[r.Place] > 1 {
			title = a.Name // under its group's heading
		}
		list.Add(u.alternativeCard(r, title, needs, tick))
	}
	u.Choose.CompareBox = compare
	list.Add(heading(lang.X("choose.compare-title", "Side by side")))
	list.Add(compare)
	redraw()
	return list
}

// scrollToChoices scrolls step 5 down to its ranked list.
func (u *App) scrollToChoices() {
	if u.Choose.FullList != nil && !u.Choose.FullList.IsOpen() {
		u.Choose.FullList.Open()
	}
	if u.Choose.ListTitle == nil || u.body == nil {
		return
	}
	y := float32(0)
	for o := fyne.CanvasObject(u.Choose.ListTitle); o != nil && o != u.body.Content; o = parentIn(u.body.Content, o) {
		y += o.Position().Y
	}
	u.body.ScrollToOffset(fyne.NewPos(0, y))
}

// parentIn finds the container that holds o under root.
func parentIn(root, o fyne.CanvasObject) fyne.CanvasObject {
	c, ok := root.(*fyne.Container)
	if !ok {
		return nil
	}
	for _, child := range c.Objects {
		if child == o {
			return c
		}
		if p := parentIn(child, o); p != nil {
			return p
		}
	}
	return nil
}
