package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The focus indicator. Fyne 2.8 shows a button's focus only by blending its
// background with the theme's focus colour: on a blue button the colour
// moves from rgb(35,104,219) to rgb(29,105,225), and on the others the tint
// is about 1.4:1, so a keyboard user cannot see where they are. Every
// control built on a button here is a button (or embeds one), which draws
// an outline around itself while it has the focus: 2 px, 1 px outside the
// control (inside the 4-px gap Fyne keeps between controls), in near-black
// on the light theme and near-white on the dark one. That is at least 3:1
// against the page and against every button colour of both themes,
// measured on rendered screens (TestFocusIsVisible), as WCAG 2.4.13 asks.

// ringWidth and ringGap: the outline's thickness, and how far outside the
// control it starts.
const (
	ringWidth = 2
	ringGap   = 1
)

// button is Fyne's button with a focus outline.
type button struct {
	widget.Button
	focused bool
}

func newButton(text string, tapped func()) *button {
	return newButtonWithIcon(text, nil, tapped)
}

func newButtonWithIcon(text string, icon fyne.Resource, tapped func()) *button {
	b := &button{}
	b.Text, b.Icon, b.OnTapped = text, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// Base is the Fyne button it is built on, for code and tests that look
// for Fyne's buttons.
func (b *button) Base() *widget.Button { return &b.Button }

// FocusGained shows the outline.
func (b *button) FocusGained() {
	b.focused = true
	b.Button.FocusGained()
	b.Refresh()
}

// FocusLost hides it.
func (b *button) FocusLost() {
	b.focused = false
	b.Button.FocusLost()
	b.Refresh()
}

// HasFocusRing reports whether the outline shows, for tests.
func (b *button) HasFocusRing() bool { return b.focused }

// CreateRenderer is Fyne's button renderer with the outline on top.
func (b *button) CreateRenderer() fyne.WidgetRenderer {
	ring := canvas.NewRectangle(color.Transparent)
	ring.StrokeWidth = ringWidth
	ring.Hide()
	return &ringRenderer{WidgetRenderer: b.Button.CreateRenderer(), ring: ring, b: b}
}

type ringRenderer struct {
	fyne.WidgetRenderer
	ring *canvas.Rectangle
	b    *button
}

func (r *ringRenderer) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(size)
	out := float32(ringGap + ringWidth)
	r.ring.Move(fyne.NewPos(-out, -out))
	r.ring.Resize(size.AddWidthHeight(2*out, 2*out))
}

func (r *ringRenderer) Objects() []fyne.CanvasObject {
	base := r.WidgetRenderer.Objects()
	objs := make([]fyne.CanvasObject, 0, len(base)+1)
	return append(append(objs, base...), r.ring)
}

func (r *ringRenderer) Refresh() {
	r.WidgetRenderer.Refresh()
	r.ring.StrokeColor = r.b.Theme().Color(colorNameFocusRing, fyne.CurrentApp().Settings().ThemeVariant())
	r.ring.CornerRadius = r.b.Theme().Size(theme.SizeNameButtonRadius) + ringGap + ringWidth
	r.ring.Hidden = !r.b.focused || r.b.Disabled()
	r.ring.Refresh()
	r.Layout(r.b.Size())
}
