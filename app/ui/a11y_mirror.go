package ui

import (
	"reflect"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// a11yMirror lets Fyne 2.8's screen-reader bridges reach what they cannot.
//
// The bridges walk only through *fyne.Container (see a11y.go). A
// container.Scroll, a widget.Card and a dialog's pop-up are widgets, so the
// step (in a scroll) and every dialog were silent. A plain container cannot
// clip what scrolls out of it (Fyne clips only inside a fyne.Scrollable or a
// widget whose renderer clips), so the step keeps its real scroll, and this
// mirror, a plain container the bridges do walk, holds one stand-in for
// each element they cannot reach: the stand-in has the element's role and
// (read live) accessible name, and it is where the element is on screen,
// cut to the scroll's window (out of it, it is an empty rectangle at its
// edge, so a click never lands on it). A stand-in draws nothing and takes
// no click, key or wheel: the user presses the real control, with the
// keyboard focus Fyne gives it.
type a11yMirror struct {
	Box *fyne.Container
	// roots are the objects whose insides are mirrored; their Position is
	// in the same space as base's.
	roots func() []fyne.CanvasObject
	// base is where the mirror is, in the roots' space (its position is
	// then taken off).
	base func() fyne.Position
	// targets are the elements mirrored now, in order.
	targets []fyne.CanvasObject
}

func newA11yMirror(roots func() []fyne.CanvasObject, base func() fyne.Position) *a11yMirror {
	m := &a11yMirror{roots: roots, base: base}
	m.Box = container.New(layout.NewStackLayout())
	return m
}

// sync puts a stand-in for every element under the roots; it changes the
// mirror only when the elements changed (positions are read live).
func (m *a11yMirror) sync() {
	var stands []*standIn
	for _, r := range m.roots() {
		collectUnreached(r, nil, nil, &stands)
	}
	targets := make([]fyne.CanvasObject, len(stands))
	for i, s := range stands {
		targets[i] = s.target
	}
	if slices.Equal(targets, m.targets) {
		return
	}
	m.targets = targets
	m.Box.Objects = nil
	for _, s := range stands {
		s.mirror = m
		s.ExtendBaseWidget(s)
		m.Box.Objects = append(m.Box.Objects, s)
	}
	m.Box.Refresh()
}

// collectUnreached walks o's insides the way things are drawn and lists a
// stand-in for every element: an accessible object that is not a container
// (its own insides are its own: a button's text is in its name). chain is
// the path from a root to o's parent; scrolls are those on it.
func collectUnreached(o fyne.CanvasObject, chain []fyne.CanvasObject, scrolls []int, out *[]*standIn) {
	if o == nil {
		return
	}
	chain = append(slices.Clip(chain), o)
	var children []fyne.CanvasObject
	switch v := o.(type) {
	case *fyne.Container:
		children = v.Objects
	case *container.Scroll:
		scrolls = append(slices.Clip(scrolls), len(chain)-1)
		children = []fyne.CanvasObject{v.Content}
	case *widget.PopUp:
		children = []fyne.CanvasObject{v.Content}
	case *widget.Card:
		// A card draws its title and subtitle itself: they are read from
		// where the card starts.
		if v.Title != "" || v.Subtitle != "" {
			card := v
			*out = append(*out, &standIn{target: v, chain: chain, scrolls: scrolls, role: fyne.AccessibleRoleText, label: func() string {
				if card.Subtitle == "" {
					return card.Title
				}
				if card.Title == "" {
					return card.Subtitle
				}
				return card.Title + ". " + card.Subtitle
			}, headerOnly: true})
		}
		children = []fyne.CanvasObject{v.Content}
	case fyne.Accessible:
		if v.AccessibilityRole() != fyne.AccessibleRoleContainer {
			a := v
			*out = append(*out, &standIn{target: o, chain: chain, scrolls: scrolls, role: a.AccessibilityRole(), label: a.AccessibilityLabel})
		}
		return
	default:
		// A dialog sits in Fyne's overlay container, whose type is
		// internal but whose Content field is exported.
		if rv := reflect.ValueOf(o); rv.Kind() == reflect.Pointer && rv.Elem().Kind() == reflect.Struct {
			if f := rv.Elem().FieldByName("Content"); f.IsValid() && f.CanInterface() {
				if c, ok := f.Interface().(fyne.CanvasObject); ok {
					children = []fyne.CanvasObject{c}
				}
			}
		}
	}
	for _, c := range children {
		collectUnreached(c, chain, scrolls, out)
	}
}

// standIn stands for one element in the mirror.
type standIn struct {
	widget.BaseWidget
	target fyne.CanvasObject
	// chain is the path from a root to the target; scrolls index the
	// scrolls on it.
	chain   []fyne.CanvasObject
	scrolls []int
	role    fyne.AccessibleRole
	label   func() string
	// headerOnly: a card's title, a line high at its top.
	headerOnly bool
	mirror     *a11yMirror
}

// AccessibilityLabel is the element's, read now.
func (s *standIn) AccessibilityLabel() string { return s.label() }

// AccessibilityRole is the element's.
func (s *standIn) AccessibilityRole() fyne.AccessibleRole { return s.role }

// Target is the element this stands for.
func (s *standIn) Target() fyne.CanvasObject { return s.target }

// Visible: the element and everything that holds it are shown.
func (s *standIn) Visible() bool {
	for _, o := range s.chain {
		if !o.Visible() {
			return false
		}
	}
	return true
}

// rect is where the element is, relative to the mirror, cut to its
// scrolls' windows.
func (s *standIn) rect() (fyne.Position, fyne.Size) {
	var p fyne.Position
	if s.mirror != nil {
		b := s.mirror.base()
		p = fyne.NewPos(-b.X, -b.Y)
	}
	x0, y0, x1, y1 := float32(-1e9), float32(-1e9), float32(1e9), float32(1e9)
	for i, o := range s.chain {
		p = p.Add(o.Position())
		if slices.Contains(s.scrolls, i) {
			sz := o.Size()
			x0, y0 = max(x0, p.X), max(y0, p.Y)
			x1, y1 = min(x1, p.X+sz.Width), min(y1, p.Y+sz.Height)
		}
	}
	size := s.target.Size()
	if s.headerOnly {
		size.Height = min(size.Height, 2*theme.TextSize())
	}
	ex0, ey0 := max(p.X, x0), max(p.Y, y0)
	ex1, ey1 := min(p.X+size.Width, x1), min(p.Y+size.Height, y1)
	if ex1 <= ex0 || ey1 <= ey0 {
		// Out of the scroll's window: an empty rectangle at its edge.
		return fyne.NewPos(min(max(p.X, x0), x1), min(max(p.Y, y0), y1)), fyne.Size{}
	}
	return fyne.NewPos(ex0, ey0), fyne.NewSize(ex1-ex0, ey1-ey0)
}

// Position is where the element is (see rect).
func (s *standIn) Position() fyne.Position { p, _ := s.rect(); return p }

// Size is the element's size, cut to its scrolls' windows.
func (s *standIn) Size() fyne.Size { _, sz := s.rect(); return sz }

// MinSize is nothing: the mirror's layout does not place it.
func (s *standIn) MinSize() fyne.Size { return fyne.Size{} }

// Move and Resize do nothing: a stand-in is where its element is.
func (s *standIn) Move(fyne.Position) {}

// Resize does nothing (see Move).
func (s *standIn) Resize(fyne.Size) {}

// CreateRenderer draws nothing.
func (s *standIn) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(&fyne.Container{})
}
