// Package ui holds the Fyne screens. This first window scans the computer
// off the UI goroutine and shows what was found; the guided steps build on it.
package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"transitionhelper/app/catalog"
	"transitionhelper/app/cli"
	"transitionhelper/app/detect"
)

// Scanner runs one scan. The real one is cli.Env.RunScan; tests pass a fake.
type Scanner func(ctx context.Context) (*cli.Result, error)

// Translate is the translator the whole UI uses: lang.X with template data.
func Translate(key, fallback string, data map[string]any) string {
	if data == nil {
		return lang.X(key, fallback)
	}
	return lang.X(key, fallback, data)
}

// ScanScreen shows a scan in progress, then its result. Its widgets are
// fields so tests can drive and inspect them.
type ScanScreen struct {
	scan Scanner
	text cli.Env // plain words shared with the command line

	Status   *widget.Label
	Progress *widget.ProgressBarInfinite
	Headline *widget.Label
	Meaning  *widget.Label
	Results  *fyne.Container
	Again    *widget.Button

	content fyne.CanvasObject
	cancel  context.CancelFunc
	// shown is called on the UI goroutine once a result is on screen (a test seam).
	shown func()
}

// NewScanScreen builds the screen; call Start to scan.
func NewScanScreen(scan Scanner) *ScanScreen {
	s := &ScanScreen{scan: scan, text: cli.Env{T: Translate}}
	s.Status = widget.NewLabel("")
	s.Progress = widget.NewProgressBarInfinite()
	s.Progress.Hide()
	s.Headline = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.Headline.Wrapping = fyne.TextWrapWord
	s.Meaning = widget.NewLabel("")
	s.Meaning.Wrapping = fyne.TextWrapWord
	s.Results = container.NewVBox()
	s.Again = widget.NewButtonWithIcon(lang.X("scan.again", "Check again"), theme.ViewRefreshIcon(), s.Start)

	title := widget.NewLabelWithStyle(lang.X("app.title", "Kaspersky Transition Helper"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	intro := widget.NewLabel(lang.X("app.intro", "Kaspersky software gets no more updates in the U.S. This app checks this computer and helps you move to protection that works."))
	intro.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(title, intro, widget.NewSeparator(), s.Status, s.Progress, s.Headline, s.Meaning, s.Results)
	s.content = container.NewBorder(nil, container.NewHBox(s.Again), nil, nil, container.NewVScroll(container.NewPadded(body)))
	return s
}

// Content is the screen's root object.
func (s *ScanScreen) Content() fyne.CanvasObject { return s.content }

// Start runs a scan off the UI goroutine. Widgets change only inside fyne.Do.
func (s *ScanScreen) Start() {
	if s.cancel != nil {
		s.cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	s.Status.SetText(lang.X("scan.running", "Checking this computer…"))
	s.Progress.Show()
	s.Progress.Start()
	s.Again.Disable()
	s.Headline.SetText("")
	s.Meaning.SetText("")
	s.Meaning.Show()
	s.Results.RemoveAll()
	go func() {
		res, err := s.scan(ctx)
		if ctx.Err() != nil {
			return
		}
		fyne.Do(func() { s.show(res, err) })
	}()
}

func (s *ScanScreen) show(res *cli.Result, err error) {
	s.Progress.Stop()
	s.Progress.Hide()
	s.Again.Enable()
	if s.shown != nil {
		defer s.shown()
	}
	if err != nil {
		fyne.LogError("scan failed", err)
		s.Status.SetText("")
		s.Headline.SetText(lang.X("scan.failed", "The check could not run."))
		s.Meaning.SetText(err.Error())
		return
	}
	s.Status.SetText(lang.X("scan.done", "Check finished."))
	sum := res.Summary
	switch {
	case sum.KasperskyActive:
		s.Headline.SetText(lang.X("ui.kaspersky-found", "Kaspersky is on this computer."))
		s.Meaning.SetText(lang.X("ui.kaspersky-found-meaning", "In the U.S. it gets no more updates, so it cannot stop new threats. It should be replaced."))
	case sum.KasperskyLeftovers:
		s.Headline.SetText(lang.X("ui.kaspersky-leftovers", "Kaspersky was removed, but some files stayed behind."))
		s.Meaning.SetText(lang.X("ui.kaspersky-leftovers-meaning", "They can be cleaned up after the move to new protection."))
	default:
		s.Headline.SetText(lang.X("ui.kaspersky-none", "No Kaspersky product was found."))
		s.Meaning.Hide()
	}
	for _, f := range res.Findings {
		s.Results.Add(s.card(f))
	}
	if len(sum.Protection) == 0 {
		warn := widget.NewLabelWithStyle(lang.X("ui.protection-none", "No working security software was found."), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		warn.Importance = widget.DangerImportance
		s.Results.Add(warn)
	}
	if !res.Complete() {
		note := widget.NewLabel(lang.X("ui.incomplete", "Some checks could not finish, so this result may be incomplete."))
		note.Wrapping = fyne.TextWrapWord
		note.Importance = widget.WarningImportance
		s.Results.Add(note)
	}
}

// card shows one finding: its name and state in plain words, the evidence
// behind a Details expander for support staff.
func (s *ScanScreen) card(f detect.Finding) fyne.CanvasObject {
	title := f.Name
	if f.Version != "" {
		title += " " + f.Version
	}
	var what string
	switch f.Role {
	case catalog.RoleRemove:
		what = lang.X("ui.role-remove", "It gets no more updates in the U.S. and should be removed.")
	case catalog.RoleReplacement:
		what = lang.X("ui.role-replacement", "Installed by an automatic update in September 2024 to replace Kaspersky.")
	default:
		what = lang.X("ui.role-protection", "Other security software.")
	}
	var ev []string
	for _, e := range f.Evidence {
		ev = append(ev, "• "+e.String())
	}
	details := widget.NewLabel(strings.Join(ev, "\n"))
	details.Wrapping = fyne.TextWrapWord
	details.TextStyle = fyne.TextStyle{Monospace: true}
	acc := widget.NewAccordion(widget.NewAccordionItem(lang.X("ui.details", "Details"), details))
	meaning := widget.NewLabel(what)
	meaning.Wrapping = fyne.TextWrapWord
	return widget.NewCard(title, s.text.StateText(f.State), container.NewVBox(meaning, acc))
}

// NewMainWindow opens the app's window with the scan screen and starts a scan.
func NewMainWindow(a fyne.App, scan Scanner, icon fyne.Resource) fyne.Window {
	w := a.NewWindow(lang.X("app.title", "Kaspersky Transition Helper"))
	if icon != nil {
		w.SetIcon(icon)
	}
	s := NewScanScreen(scan)
	w.SetContent(s.Content())
	w.Resize(fyne.NewSize(900, 640))
	w.CenterOnScreen()
	s.Start()
	return w
}
