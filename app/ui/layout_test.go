package ui

import (
	"fmt"
	"image"
	"image/color"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"transitionhelper/app/progress"
	"transitionhelper/app/region"
)

// variantTheme draws a theme in one variant, light or dark, whatever the
// system says.
type variantTheme struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.v)
}

// TestLayoutEveryScreen draws every step, for every fixture, in English and
// Spanish, light and dark, normal and larger text, in the window a
// 1024×600 and a 1366×768 screen give, and checks what is drawn: no two
// texts or controls overlap, no text runs outside what holds it, every
// control is at least as large as it needs (a button's label fits), the
// window's content fits the window, and on step 5 the top pick is in sight.
func TestLayoutEveryScreen(t *testing.T) {
	a := test.NewTempApp(t)
	t.Cleanup(func() { applyLanguage("en") })
	start, combos, failed := time.Now(), 0, 0
	for _, fx := range layoutFixtures(t) {
		h, res := fixtureApp(t, fx.snap)
		u := h.u
		for _, lng := range []string{"English", "Español"} {
			u.Language.SetSelected(lng)
			for _, larger := range []bool{false, true} {
				for _, variant := range []fyne.ThemeVariant{ /* light */ 1 /* dark */, 0} {
					u.setLargerText(larger)
					a.Settings().SetTheme(variantTheme{newTheme(larger), variant})
					for _, st := range progress.Steps {
						u.OpenStep(st, res, region.US)
						u.build()
						for _, sz := range layoutSizes {
							combos++
							settle(u.win, sz.size)
							name := fmt.Sprintf("%s/%s/step%d/%s/%s/%s", fx.name, lng, st, map[bool]string{false: "normal", true: "larger"}[larger],
								map[fyne.ThemeVariant]string{0: "dark", 1: "light"}[variant], sz.name)
							problems := layoutProblems(u.win.Canvas())
							if st == progress.StepChoose && (u.Choose.TopPick == nil || !inSight(u.win.Canvas(), u.Choose.TopPick) || !inSight(u.win.Canvas(), u.Choose.SeeAll) ||
								u.Choose.BuiltinLine != nil && !inSight(u.win.Canvas(), u.Choose.BuiltinLine)) {
								problems = append(problems, "step 5 opens without its best match in sight")
							}
							// Step 5's list is folded: draw it open too.
							if st == progress.StepChoose && u.Choose.FullList != nil {
								u.Choose.FullList.Open()
								settle(u.win, sz.size)
								for _, p := range layoutProblems(u.win.Canvas()) {
									problems = append(problems, "the full list open: "+p)
								}
								u.Choose.FullList.Close()
								u.body.ScrollToTop()
								settle(u.win, sz.size)
							}
							// The step's main action and Next are in sight without
							// scrolling; a step that continues below says so.
							for _, b := range []*button{u.Action, u.NextButton} {
								if b != nil && !inSight(u.win.Canvas(), b) {
									problems = append(problems, fmt.Sprintf("%q is out of sight", b.Text))
								}
							}
							below := u.body.Content.MinSize().Height - u.body.Offset.Y - u.body.Size().Height
							if below > theme.Padding()*4 && (!u.MoreBelow.Visible() || !inSight(u.win.Canvas(), u.MoreBelow)) {
								problems = append(problems, fmt.Sprintf("the step continues %.0f below the fold with no \"More below\" in sight", below))
							}
							if below <= 0 && u.MoreBelow.Visible() {
								problems = append(problems, "\"More below\" shows with nothing below")
							}
							if len(problems) > 0 {
								failed++
								all := problems
								if failed <= 12 {
									more := ""
									if len(problems) > 4 {
										more = fmt.Sprintf("\n  … and %d more", len(problems)-4)
										problems = problems[:4]
									}
									t.Errorf("%s:\n  %s%s", name, strings.Join(problems, "\n  "), more)
								}
								if os.Getenv("TH_LAYOUT_ALL") != "" {
									for _, p := range all {
										fmt.Println(name + ": " + p)
									}
								}
							}
						}
					}
				}
			}
		}
		h.close()
	}
	if failed > 12 {
		t.Errorf("… and %d more combinations with problems", failed-12)
	}
	t.Logf("%d combinations drawn and checked in %s, %d with problems", combos, time.Since(start).Round(time.Millisecond), failed)
}

// layoutProblems walks the canvas and lists what is drawn wrong.
func layoutProblems(c fyne.Canvas) []string {
	all := drawnOn(c)
	var problems []string
	if min := c.Content().MinSize(); min.Width > c.Size().Width+0.5 || min.Height > c.Size().Height+0.5 {
		problems = append(problems, fmt.Sprintf("the content needs %.0f×%.0f, more than the window's %.0f×%.0f",
			min.Width, min.Height, c.Size().Width, c.Size().Height))
	}

	// What can overlap: texts (where their letters are) and controls.
	var items []*drawn
	for _, d := range all {
		if l, ok := d.obj.(*widget.Label); ok && l.Importance == widget.LowImportance && strings.TrimSpace(l.Text) != "" {
			problems = append(problems, fmt.Sprintf("the label %q is in the disabled colour (low importance): informational text must be readable", l.Text))
		}
		switch o := d.obj.(type) {
		case *canvas.Text:
			if strings.TrimSpace(o.Text) == "" || d.ink.empty() {
				continue
			}
			items = append(items, d)
			// A text stays inside everything that holds it, up to the
			// scroll it is in (across the scroll's direction, inside that too).
			for p := d.parent; p != nil; p = p.parent {
				if s, ok := p.obj.(*container.Scroll); ok {
					if s.Direction == container.ScrollVerticalOnly && (d.ink.x0 < p.at.x0-1 || d.ink.x1 > p.at.x1+1) {
						problems = append(problems, fmt.Sprintf("text %q %s runs outside the scroll %s", o.Text, d.ink, p.at))
					}
					break
				}
				if d.ink.x0 < p.at.x0-1 || d.ink.x1 > p.at.x1+1 || d.ink.y0 < p.at.y0-1 || d.ink.y1 > p.at.y1+1 {
					problems = append(problems, fmt.Sprintf("text %q %s runs outside its %s %s", o.Text, d.ink, reflect.TypeOf(p.obj), p.at))
					break
				}
			}
		default:
			if !isControl(d.obj) || d.control() != d || d.at.empty() {
				continue
			}
			items = append(items, d)
			if w, ok := d.obj.(fyne.Widget); ok {
				if m := w.MinSize(); d.at.x1-d.at.x0 < m.Width-0.5 || d.at.y1-d.at.y0 < m.Height-0.5 {
					problems = append(problems, fmt.Sprintf("%s is %.0f×%.0f, smaller than the %.0f×%.0f it needs",
						describe(d), d.at.x1-d.at.x0, d.at.y1-d.at.y0, m.Width, m.Height))
				}
			}
		}
	}
	for i, a := range items {
		for _, b := range items[i+1:] {
			if a.has(b) || b.has(a) {
				continue
			}
			if ca, cb := a.control(), b.control(); ca != nil && ca == cb {
				continue // two parts of one control
			}
			ra, rb := a.ink, b.ink
			if a.scroll != b.scroll {
				ra, rb = ra.intersect(a.clip), rb.intersect(b.clip)
			}
			if ra.empty() || rb.empty() {
				continue
			}
			if !ra.intersect(rb).empty() {
				problems = append(problems, fmt.Sprintf("%s %s overlaps %s %s", describeItem(a), ra, describeItem(b), rb))
			}
		}
	}
	return problems
}

func describeItem(d *drawn) string {
	if c := d.control(); c != nil && c != d {
		return fmt.Sprintf("text %q of %s", d.obj.(*canvas.Text).Text, describe(c))
	}
	if t, ok := d.obj.(*canvas.Text); ok {
		return fmt.Sprintf("text %q", t.Text)
	}
	return describe(d)
}

// TestStep5TopPickAndCountries: step 5 names its best match before the
// questions and "See the full list" scrolls to the list; in Spanish no
// catalog country is left in English.
func TestStep5TopPickAndCountries(t *testing.T) {
	test.NewTempApp(t)
	t.Cleanup(func() { applyLanguage("en") })
	h := newHarness(t, "", region.US, snapKaspersky)
	h.u.win.Resize(layoutSizes[0].size)
	u := h.u
	snap := snapKaspersky
	u.OpenStep(progress.StepChoose, u.svc.Analyze(&snap), region.US)
	if u.Choose.BuiltinLine == nil || !strings.HasPrefix(u.Choose.BuiltinLine.Text, "Free and already on this computer: Microsoft Defender. Not part of it, for your answers: password manager.") {
		t.Fatalf("built-in line %v", u.Choose.BuiltinLine)
	}
	if u.Choose.TopPick == nil || !strings.Contains(u.Choose.TopPick.Text, "Equally good matches for your answers among the others: Bitdefender, ") {
		t.Fatalf("top pick %v", u.Choose.TopPick)
	}
	if inSight(u.win.Canvas(), u.Choose.ListTitle) {
		t.Fatal("the list is in sight at 1024×600 already: the test proves nothing")
	}
	test.Tap(u.Choose.SeeAll)
	if !inSight(u.win.Canvas(), u.Choose.ListTitle) || u.body.Offset.Y == 0 {
		t.Errorf("\"See the full list\" did not scroll to the list (offset %v)", u.body.Offset)
	}

	u.Language.SetSelected("Español")
	test.Tap(u.Choose.SeeAll) // the list is folded until asked for
	for _, a := range u.cat.Alternatives {
		if got := countryName(a.Country); got == a.Country {
			t.Errorf("%s: the country %q has no Spanish name", a.ID, a.Country)
		}
	}
	if text := drawnText(u.win.Canvas()); strings.Contains(text, "United States") || strings.Contains(text, "Czech Republic") || !strings.Contains(text, "Estados Unidos") {
		t.Errorf("Spanish step 5 shows English country names, or none:\n%s", text)
	}
}

// TestTabReachesEveryControlInReadingOrder: on every step, Tab goes through
// every enabled control once, in reading order (the header, the list of
// steps, the step from top to bottom, the footer), and each control looks
// different when it has the focus.
func TestTabReachesEveryControlInReadingOrder(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(variantTheme{newTheme(false), 1})
	fx := layoutFixtures(t)[0]
	h := newHarness(t, "", region.US, fx.snap)
	u := h.u
	u.win.Resize(layoutSizes[1].size)
	res := u.svc.Analyze(&fx.snap)
	c := u.win.Canvas()
	for _, st := range progress.Steps {
		u.OpenStep(st, res, region.US)
		settle(u.win, layoutSizes[1].size)
		c.Unfocus()
		all := drawnOn(c)
		where := map[fyne.Focusable]*drawn{}
		var want []fyne.Focusable
		for _, d := range all {
			f, ok := d.obj.(fyne.Focusable)
			if !ok {
				continue
			}
			if dis, ok := d.obj.(fyne.Disableable); ok && dis.Disabled() {
				continue
			}
			where[f] = d
			want = append(want, f)
		}
		var got []fyne.Focusable
		for range len(want) + 1 {
			c.FocusNext()
			f := c.Focused()
			if f == nil || (len(got) > 0 && f == got[0]) {
				break
			}
			got = append(got, f)
		}
		if len(got) != len(want) {
			t.Errorf("step %d: Tab reaches %d controls of %d", st, len(got), len(want))
		}
		// Reading order: by region, then top to bottom, then left to right.
		region := func(d *drawn) int {
			switch {
			case slices.ContainsFunc(u.NavButtons, func(b *button) bool { return fyne.CanvasObject(b) == d.obj }):
				return 1 // the list of steps
			case d.scroll == nil && d.at.y0 < 60:
				return 0 // header
			case d.scroll != nil:
				return 2 // the step
			}
			return 3 // footer
		}
		for i := 1; i < len(got); i++ {
			p, q := where[got[i-1]], where[got[i]]
			if p == nil || q == nil {
				t.Errorf("step %d: Tab reached a control that is not drawn", st)
				continue
			}
			rp, rq := region(p), region(q)
			sameRow := p.at.y0 < q.at.y1 && q.at.y0 < p.at.y1
			if rp > rq || (rp == rq && !sameRow && q.at.y0 < p.at.y0) || (rp == rq && sameRow && q.at.x0 < p.at.x0) {
				t.Errorf("step %d: Tab goes from %s %s to %s %s, against reading order", st, describe(p), p.at, describe(q), q.at)
			}
		}
		// Focus is visible: the control's pixels change when it has the focus.
		c.Unfocus()
		before := c.Capture()
		seen := map[reflect.Type]int{}
		for _, f := range got {
			d := where[f]
			if d == nil || d.at.intersect(d.clip) != d.at || seen[reflect.TypeOf(f)] >= 2 {
				continue // out of sight, or two of its kind were checked on this step (captures are slow)
			}
			seen[reflect.TypeOf(f)]++
			c.Focus(f)
			after := c.Capture()
			c.Unfocus()
			if !pixelsDiffer(before, after, d.at, c.Scale()) {
				t.Errorf("step %d: %s looks the same with and without the focus", st, describe(d))
			}
		}
	}
}

// pixelsDiffer says whether two captures differ inside b.
func pixelsDiffer(a, b image.Image, r box, scale float32) bool {
	for y := int(r.y0 * scale); y < int(r.y1*scale); y++ {
		for x := int(r.x0 * scale); x < int(r.x1*scale); x++ {
			if a.At(x, y) != b.At(x, y) {
				return true
			}
		}
	}
	return false
}

// TestEscapeClosesDialogs: Escape closes "Start over?" without starting
// over, and an information dialog.
func TestEscapeClosesDialogs(t *testing.T) {
	test.NewTempApp(t)
	h := newHarness(t, "", region.US, snapKaspersky)
	u, c := h.u, h.u.win.Canvas()
	h.check()
	u.confirmStartOver()
	if c.Overlays().Top() == nil {
		t.Fatal("no dialog")
	}
	c.Unfocus()
	c.(interface{ OnTypedKey() func(*fyne.KeyEvent) }).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if c.Overlays().Top() != nil {
		t.Error("Escape left \"Start over?\" open")
	}
	if u.state.Step != progress.StepFound {
		t.Errorf("Escape started over: step %d", u.state.Step)
	}
	dialog.ShowInformation("Notice", "Something to read", u.win)
	c.(interface{ OnTypedKey() func(*fyne.KeyEvent) }).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if c.Overlays().Top() != nil {
		t.Error("Escape left an information dialog open")
	}
}

// TestEveryButtonIsNamed: with screen-reader support on (the Windows and
// macOS packages), Fyne 2.8 names a button by its text, or else by its
// icon's file name ("delete", "infoIcon"). Every button on every step, in
// both languages, carries its own words.
func TestEveryButtonIsNamed(t *testing.T) {
	test.NewTempApp(t)
	t.Cleanup(func() { applyLanguage("en") })
	seen := 0
	for _, fx := range layoutFixtures(t) {
		h, res := fixtureApp(t, fx.snap)
		u := h.u
		for _, lng := range []string{"English", "Español"} {
			u.Language.SetSelected(lng)
			for _, st := range progress.Steps {
				u.OpenStep(st, res, region.US)
				settle(u.win, layoutSizes[0].size)
				for _, o := range objectsIn(u.win.Content()) {
					b, ok := plainButton(o)
					if !ok || !b.Visible() {
						continue
					}
					seen++
					if strings.TrimSpace(b.Text) == "" || b.AccessibilityLabel() != b.Text {
						t.Errorf("%s/%s/step %d: a button a screen reader would call %q", fx.name, lng, st, b.AccessibilityLabel())
					}
				}
			}
		}
		h.close()
	}
	if seen < 100 {
		t.Errorf("only %d buttons seen: is the walk still right?", seen)
	}
}
