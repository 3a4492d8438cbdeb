package ui

import (
	"context"
	"errors"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"transitionhelper/app/catalog"
	"transitionhelper/app/cli"
	"transitionhelper/platform"
)

func result(t *testing.T, snap platform.Snapshot) *cli.Result {
	t.Helper()
	cat, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return cli.Analyze(cat, &snap, time.Now())
}

// watch makes s report each result it shows on the returned channel.
func watch(s *ScanScreen) <-chan struct{} {
	ch := make(chan struct{}, 4)
	s.shown = func() { ch <- struct{}{} }
	return ch
}

func waitFor(t *testing.T, what string, shown <-chan struct{}) {
	t.Helper()
	select {
	case <-shown:
	case <-time.After(5 * time.Second):
		t.Fatalf("timed out waiting for %s", what)
	}
}

func cardTitles(s *ScanScreen) []string {
	var titles []string
	for _, o := range s.Results.Objects {
		if c, ok := o.(*widget.Card); ok {
			titles = append(titles, c.Title+" | "+c.Subtitle)
		}
	}
	return titles
}

func TestScanScreenStaysResponsiveThenShowsFindings(t *testing.T) {
	test.NewTempApp(t)
	res := result(t, platform.Snapshot{
		OS:        platform.OSInfo{Family: "windows"},
		Processes: []platform.Process{{PID: 1, Name: "avp.exe"}, {PID: 2, Name: "MsMpEng.exe"}},
		Programs:  []platform.Program{{Name: "Kaspersky Total Security", Version: "21.3", Source: platform.SourceUninstall, Where: "k"}},
	})
	release := make(chan struct{})
	s := NewScanScreen(func(ctx context.Context) (*cli.Result, error) {
		select {
		case <-release:
			return res, nil
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	})
	shown := watch(s)
	w := test.NewTempWindow(t, s.Content())
	w.Resize(fyne.NewSize(900, 640))
	s.Start()

	// The scan is slow; the window still answers and shows progress.
	if s.Progress.Hidden || !s.Again.Disabled() || s.Status.Text != "Checking this computer…" {
		t.Fatalf("while scanning: progress hidden %v, again disabled %v, status %q", s.Progress.Hidden, s.Again.Disabled(), s.Status.Text)
	}
	entry := widget.NewEntry()
	test.NewTempWindow(t, entry)
	test.Type(entry, "still here")
	if entry.Text != "still here" {
		t.Fatal("the UI did not answer while the scan ran")
	}

	close(release)
	waitFor(t, "the result", shown)
	if s.Headline.Text != "Kaspersky is on this computer." || !s.Progress.Hidden || s.Again.Disabled() {
		t.Errorf("after scan: headline %q, progress hidden %v, again disabled %v", s.Headline.Text, s.Progress.Hidden, s.Again.Disabled())
	}
	titles := cardTitles(s)
	want := []string{"Kaspersky Total Security 21.3 | Running", "Microsoft Defender | Running"}
	if len(titles) != 2 || titles[0] != want[0] || titles[1] != want[1] {
		t.Errorf("cards = %q, want %q", titles, want)
	}
}

func TestScanScreenNothingFoundAndFailure(t *testing.T) {
	test.NewTempApp(t)
	empty := result(t, platform.Snapshot{OS: platform.OSInfo{Family: "linux"}})
	s := NewScanScreen(func(context.Context) (*cli.Result, error) { return empty, nil })
	shown := watch(s)
	test.NewTempWindow(t, s.Content())
	s.Start()
	waitFor(t, "the result", shown)
	if s.Headline.Text != "No Kaspersky product was found." || len(cardTitles(s)) != 0 {
		t.Errorf("headline %q, cards %q", s.Headline.Text, cardTitles(s))
	}
	if len(s.Results.Objects) != 1 || s.Results.Objects[0].(*widget.Label).Text != "No working security software was found." {
		t.Errorf("no warning about missing protection: %+v", s.Results.Objects)
	}

	failing := NewScanScreen(func(context.Context) (*cli.Result, error) { return nil, errors.New("catalog broken") })
	failed := watch(failing)
	test.NewTempWindow(t, failing.Content())
	failing.Start()
	waitFor(t, "the error", failed)
	if failing.Headline.Text != "The check could not run." || failing.Meaning.Text != "catalog broken" || failing.Again.Disabled() {
		t.Errorf("failure: %q / %q", failing.Headline.Text, failing.Meaning.Text)
	}
	test.Tap(failing.Again)
	waitFor(t, "the second try", failed)
	if failing.Headline.Text != "The check could not run." {
		t.Errorf("second try: %q", failing.Headline.Text)
	}
}
