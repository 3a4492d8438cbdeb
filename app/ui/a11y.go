package ui

// Controls a screen reader can announce, on the Fyne we have (2.8.1).
//
// What Fyne 2.8 passes on (fyne.Accessible: a label and a role, nothing
// else; read in internal/driver/glfw/accessibility_windows.go, _windows.c,
// accessibility_darwin.go and _darwin.m):
//   - Windows (UI Automation): a flat list of elements, each with a name (the
//     label), a control type (button, text, hyperlink; any other role is a
//     "group") and a rectangle. No pattern is given: no Toggle, no
//     SelectionItem, no Invoke, no Value. A state can only be said in the name.
//   - macOS (NSAccessibility): elements with the label as title and
//     description, a role (button, static text; a link is a button; any other
//     role is a group) and a frame. No value, no "checked"; VoiceOver's press
//     action has no callback in 2.8, so a control is pressed with the
//     keyboard (Tab to it, then Space) as for anyone without a mouse.
//   - Both walk only through *fyne.Container from the window's content and
//     its overlays: never into a widget (a scroll, a card, an accordion, a
//     dialog's pop-up). See a11yMirror for how the step and the dialogs reach
//     them all the same.
//
// So every control here is a widget.Button (announced as a button), and its
// accessible name ends with its state: "Larger text: on", "In the U.S.,
// selected", "How to export your passwords: closed". Its look keeps the
// familiar mark beside the text (a check box, a radio button, an arrow).

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// toggle is a check box made of a button: its mark shows whether it is
// checked, and its accessible name says so ("…: done" / "…: not done yet").
type toggle struct {
	button
	// Checked is the state; set it through SetChecked.
	Checked bool
	// OnChanged is called after the user changes the state.
	OnChanged func(bool)
	// on and off are the words for the state in the accessible name.
	on, off string
	// name, if set, is said instead of the text ("Compare" beside a
	// product says which).
	name string
}

// newToggle makes a toggle named text; on and off are the words a screen
// reader says after the name ("" for "checked" / "not checked").
func newToggle(text string, checked bool, changed func(bool)) *toggle {
	t := &toggle{Checked: checked, OnChanged: changed}
	t.Text = text
	t.Alignment = widget.ButtonAlignLeading
	t.Importance = widget.LowImportance
	t.OnTapped = func() { t.SetChecked(!t.Checked); t.fire() }
	t.ExtendBaseWidget(t)
	t.show()
	return t
}

// withStateWords sets the words of the state in the accessible name.
func (t *toggle) withStateWords(on, off string) *toggle {
	t.on, t.off = on, off
	return t
}

func (t *toggle) fire() {
	if t.OnChanged != nil {
		t.OnChanged(t.Checked)
	}
}

// SetChecked sets the state without calling OnChanged.
func (t *toggle) SetChecked(on bool) {
	t.Checked = on
	t.show()
	t.Refresh()
}

func (t *toggle) show() {
	if t.Checked {
		t.Icon = theme.NewPrimaryThemedResource(theme.CheckButtonCheckedIcon())
	} else {
		t.Icon = theme.CheckButtonIcon()
	}
}

// AccessibilityLabel is the text and the state: "Larger text: on".
func (t *toggle) AccessibilityLabel() string {
	on, off := t.on, t.off
	if on == "" {
		on, off = lang.X("a11y.ticked", "checked"), lang.X("a11y.not-ticked", "not checked")
	}
	state := off
	if t.Checked {
		state = on
	}
	name := t.Text
	if t.name != "" {
		name = t.name
	}
	return lang.X("a11y.state", "{{.Name}}: {{.State}}", map[string]any{"Name": name, "State": state})
}

// choice is one of a choiceGroup's options: a button with a radio mark,
// whose accessible name says whether it is the one selected.
type choice struct {
	button
	selected bool
}

// AccessibilityLabel is the option and, if it is the one chosen, "selected".
func (c *choice) AccessibilityLabel() string {
	if c.selected {
		return lang.X("a11y.selected", "{{.Name}}, selected", map[string]any{"Name": c.Text})
	}
	return lang.X("a11y.not-selected", "{{.Name}}, not selected", map[string]any{"Name": c.Text})
}

// choiceGroup is a radio group made of buttons in a plain container (which
// the screen-reader bridges walk into).
type choiceGroup struct {
	// Box holds the options; put it in the layout.
	Box     *fyne.Container
	Options []*choice
	// Selected is the option chosen; set it through SetSelected.
	Selected string
	// OnChanged is called after the user picks another option.
	OnChanged func(string)
}

// newChoiceGroup makes a group of options side by side (horizontal) or one
// under the other.
func newChoiceGroup(options []string, horizontal bool, changed func(string)) *choiceGroup {
	g := &choiceGroup{OnChanged: changed}
	if horizontal {
		g.Box = container.NewHBox()
	} else {
		g.Box = container.NewVBox()
	}
	for _, o := range options {
		c := &choice{}
		c.Text = o
		c.Alignment = widget.ButtonAlignLeading
		c.Importance = widget.LowImportance
		c.OnTapped = func() { g.SetSelected(o) }
		c.ExtendBaseWidget(c)
		g.Options = append(g.Options, c)
		g.Box.Add(c)
	}
	g.mark("")
	return g
}

// SetSelected marks option as the one chosen and, if that changed the
// choice, calls OnChanged, as widget.RadioGroup does.
func (g *choiceGroup) SetSelected(option string) {
	if option == g.Selected {
		return
	}
	g.mark(option)
	if g.OnChanged != nil {
		g.OnChanged(option)
	}
}

func (g *choiceGroup) mark(option string) {
	g.Selected = option
	for _, c := range g.Options {
		c.selected = c.Text == option
		if c.selected {
			c.Icon = theme.NewPrimaryThemedResource(theme.RadioButtonCheckedIcon())
		} else {
			c.Icon = theme.RadioButtonIcon()
		}
		c.Refresh()
	}
}

// SelectedIndex is the place of the chosen option, -1 if none.
func (g *choiceGroup) SelectedIndex() int {
	return slices.IndexFunc(g.Options, func(c *choice) bool { return c.selected })
}

// Disable turns every option off.
func (g *choiceGroup) Disable() {
	for _, c := range g.Options {
		c.Disable()
	}
}

// toggleGroup is a check group made of toggles, one under the other.
type toggleGroup struct {
	Box     *fyne.Container
	Toggles []*toggle
	// Selected lists the options checked, in their order.
	Selected  []string
	OnChanged func([]string)
}

func newToggleGroup(options, selected []string, changed func([]string)) *toggleGroup {
	g := &toggleGroup{Box: container.NewVBox(), OnChanged: changed}
	for _, o := range options {
		t := newToggle(o, slices.Contains(selected, o), func(bool) {
			g.collect()
			if g.OnChanged != nil {
				g.OnChanged(g.Selected)
			}
		})
		g.Toggles = append(g.Toggles, t)
		g.Box.Add(t)
	}
	g.collect()
	return g
}

func (g *toggleGroup) collect() {
	g.Selected = nil
	for _, t := range g.Toggles {
		if t.Checked {
			g.Selected = append(g.Selected, t.Text)
		}
	}
}

// SetSelected checks exactly the options given and calls OnChanged, as
// widget.CheckGroup does.
func (g *toggleGroup) SetSelected(options []string) {
	for _, t := range g.Toggles {
		t.SetChecked(slices.Contains(options, t.Text))
	}
	g.collect()
	if g.OnChanged != nil {
		g.OnChanged(g.Selected)
	}
}

// expander is an accordion of one item made of plain containers: a button
// whose arrow and accessible name say whether it is open, and what it
// opens under it.
type expander struct {
	// Box holds the button and the detail; put it in the layout.
	Box    *fyne.Container
	Header *expanderButton
	Detail fyne.CanvasObject
}

// expanderButton opens and closes an expander.
type expanderButton struct {
	button
	e *expander
}

// AccessibilityLabel is the title and "open" or "closed".
func (b *expanderButton) AccessibilityLabel() string {
	state := lang.X("a11y.closed", "closed")
	if b.e.IsOpen() {
		state = lang.X("a11y.open", "open")
	}
	return lang.X("a11y.state", "{{.Name}}: {{.State}}", map[string]any{"Name": b.Text, "State": state})
}

func newExpander(title string, detail fyne.CanvasObject) *expander {
	e := &expander{Detail: detail}
	b := &expanderButton{e: e}
	b.Text = title
	b.Alignment = widget.ButtonAlignLeading
	b.Importance = widget.LowImportance
	b.OnTapped = func() {
		if e.IsOpen() {
			e.Close()
		} else {
			e.Open()
		}
	}
	b.ExtendBaseWidget(b)
	e.Header = b
	e.Box = container.NewVBox(b, detail)
	e.Close()
	return e
}

// IsOpen says whether the detail shows.
func (e *expander) IsOpen() bool { return e.Detail.Visible() }

// Open shows the detail.
func (e *expander) Open() {
	e.Detail.Show()
	e.Header.Icon = theme.MenuDropUpIcon()
	e.Header.Refresh()
	e.Box.Refresh()
}

// Close hides the detail.
func (e *expander) Close() {
	e.Detail.Hide()
	e.Header.Icon = theme.MenuDropDownIcon()
	e.Header.Refresh()
	e.Box.Refresh()
}

// announcedEntry is a text field a screen reader announces: Fyne 2.8's
// bridges know no text-field role, so it is passed on as text whose name
// says what it is for and what it holds; typing works as in any field.
type announcedEntry struct {
	widget.Entry
	name    string
	focused bool
}

// FocusGained notes the focus, for the name.
func (e *announcedEntry) FocusGained() {
	e.focused = true
	e.Entry.FocusGained()
}

// FocusLost notes the focus is gone, for the name.
func (e *announcedEntry) FocusLost() {
	e.focused = false
	e.Entry.FocusLost()
}

func newAnnouncedEntry(name string) *announcedEntry {
	e := &announcedEntry{name: strings.TrimSuffix(strings.TrimSpace(name), ":")}
	e.ExtendBaseWidget(e)
	return e
}

// AccessibilityLabel is "Decode a caller's code, text field: KTH-…" or
// "…: empty". While the field has the focus the name leaves out what is
// typed: Fyne's Windows bridge rebuilds its whole list, and loses its place,
// whenever a name changes.
func (e *announcedEntry) AccessibilityLabel() string {
	if e.focused {
		return lang.X("a11y.field-typing", "{{.Name}}, text field", map[string]any{"Name": e.name})
	}
	v := e.Text
	if v == "" {
		v = lang.X("a11y.empty", "empty")
	}
	return lang.X("a11y.field", "{{.Name}}, text field: {{.Value}}", map[string]any{"Name": e.name, "Value": v})
}

// AccessibilityRole is text: the closest role Fyne 2.8 passes on.
func (e *announcedEntry) AccessibilityRole() fyne.AccessibleRole { return fyne.AccessibleRoleText }
