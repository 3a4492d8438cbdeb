package ui

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"transitionhelper/app/progress"
	"transitionhelper/app/region"
	"transitionhelper/app/report"
)

// callerReport is the JSON report a caller saves: a computer with
// Kaspersky, checked, one tick, at step 4 with a restart pending.
func callerReport(t *testing.T) []byte {
	t.Helper()
	h := newHarness(t, "", region.US, snapKaspersky)
	h.check()
	h.next(progress.StepSave)
	test.Tap(h.u.Save.Ticks[progress.SavePasswords])
	h.next(progress.StepRemove)
	h.u.setState(h.u.state.WithRemoval("kaspersky-total-security", progress.RestartNeeded))
	data, err := report.JSON(h.u.reportInput(false))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestCallerView(t *testing.T) {
	test.NewTempApp(t)
	data := callerReport(t)
	a := newAgent(t)
	a.check() // the agent's own computer: nothing found, step 2
	own := a.u.state
	ownCode := a.u.statusCode()
	savedPath := filepath.Join(a.dir, progress.StateFile)
	saved, err := os.ReadFile(savedPath)
	if err != nil {
		t.Fatal(err)
	}

	a.armed.Store(true)
	a.openReport(data)
	u := a.u
	if !u.Caller() || u.state.Step != progress.StepRemove {
		t.Fatalf("caller view %v at step %d, want the caller's step 4", u.Caller(), u.state.Step)
	}
	if u.CallerWidgets.Banner.Text != "Caller's computer — nothing here acts on this computer" {
		t.Errorf("banner %q", u.CallerWidgets.Banner.Text)
	}
	var rep report.JSONReport
	rep, _ = report.ReadJSON(bytes.NewReader(data))
	if codes := u.CallerWidgets.Codes.Text; !strings.Contains(codes, rep.Code) || !strings.Contains(codes, ownCode) || rep.Code == ownCode {
		t.Errorf("codes %q: want the caller's %s beside this computer's %s", codes, rep.Code, ownCode)
	}
	// The caller's findings and removal state, at the caller's step.
	if u.Remove.Rows["kaspersky-total-security"] == nil || u.Remove.Rows["kaspersky-total-security"].Text != "Restart needed" ||
		u.Remove.Rows["kaspersky-password-manager"].Text != "To remove by hand: cannot be started from here" { // its entry records no uninstaller
		t.Errorf("step 4 rows %v", u.Remove.Rows)
	}
	if !strings.Contains(u.win.Title(), "caller.json") {
		t.Errorf("title %q", u.win.Title())
	}

	// Every step of the caller's: nothing in the step is on, and tapping
	// every button, check and choice in the window starts nothing.
	for i, st := range progress.Steps {
		if u.NavButtons[i].Disabled() {
			continue
		}
		test.Tap(u.NavButtons[i])
		if u.state.Step != st {
			t.Fatalf("the step list did not move to step %d", st)
		}
		for _, o := range objectsIn(u.body.Content) {
			if d, ok := o.(fyne.Disableable); ok && !d.Disabled() {
				_, link := o.(*widget.Hyperlink)
				if _, opens := o.(*expanderButton); !link && !opens {
					t.Errorf("step %d: %T %q is on in the caller view", st, o, fmt.Sprint(o.(fyne.Widget)))
				}
			}
		}
		if st == progress.StepFound && len(u.Found.Cards) != 3 {
			t.Errorf("step 2 shows %d findings, want the caller's 3", len(u.Found.Cards))
		}
		for _, o := range objects(u.win.Canvas()) {
			if o == u.CallerWidgets.BackToMine || o == u.Support || o == u.Language || o == u.LargerText {
				continue
			}
			if tp, ok := o.(fyne.Tappable); ok && u.Caller() {
				if _, link := o.(*widget.Hyperlink); link {
					continue // would open the browser on the agent's computer: only a page
				}
				test.Tap(tp)
			}
		}
		for _, o := range u.win.Canvas().Overlays().List() {
			t.Errorf("step %d: a tap opened %T", st, o)
			u.win.Canvas().Overlays().Remove(o)
		}
		if !u.Caller() {
			t.Fatalf("step %d: a tap left the caller view", st)
		}
	}
	// Back and Next move between the caller's steps, and save nothing.
	test.Tap(u.NavButtons[3])
	test.Tap(u.BackButton)
	if u.state.Step != progress.StepSave || !u.Save.Ticks[progress.SavePasswords].Checked || !u.Save.Ticks[progress.SavePasswords].Disabled() {
		t.Errorf("Back: step %d", u.state.Step)
	}
	test.Tap(u.NextButton)
	if !u.StartOver.Disabled() {
		t.Error("Start over is on in the caller view")
	}
	// The support panel shows both codes; Copy (this computer's report) is off.
	test.Tap(u.Support)
	if !u.SupportPanel.Copy.Disabled() || !strings.Contains(u.SupportPanel.CallerCode.Text, rep.Code) || u.SupportPanel.Code.Text != ownCode {
		t.Errorf("support panel: copy off %v, caller %q, code %q", u.SupportPanel.Copy.Disabled(), u.SupportPanel.CallerCode.Text, u.SupportPanel.Code.Text)
	}
	for _, o := range u.win.Canvas().Overlays().List() {
		u.win.Canvas().Overlays().Remove(o)
	}
	// The language changes the words, not the computer on screen.
	u.Language.SetSelected("Español")
	if !u.Caller() || !strings.HasPrefix(u.CallerWidgets.Banner.Text, "Computadora de quien llama") {
		t.Errorf("in Spanish: caller view %v, banner %q", u.Caller(), u.CallerWidgets.Banner.Text)
	}
	u.Language.SetSelected("English")

	if now, err := os.ReadFile(savedPath); err != nil || !bytes.Equal(now, saved) {
		t.Errorf("the caller view changed progress.json: %v", err)
	}
	a.armed.Store(false)
	test.Tap(u.CallerWidgets.BackToMine)
	if u.Caller() || u.state.Step != own.Step || u.state.Scan == nil || len(u.state.Scan.Findings) != len(own.Scan.Findings) {
		t.Errorf("back to this computer: caller %v, step %d", u.Caller(), u.state.Step)
	}
	if u.CallerWidgets.Banner != nil {
		t.Error("the banner stayed")
	}
}

// TestCallerViewBadFiles: a truncated, oversized or foreign file gets a
// message, and nothing else changes.
func TestCallerViewBadFiles(t *testing.T) {
	test.NewTempApp(t)
	good, err := os.ReadFile("../report/testdata/report.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"truncated", good[:len(good)/3], "cut short"},
		{"oversized", bytes.Repeat([]byte("{"), report.MaxJSONSize+10), "larger than 5 MiB"},
		{"scan json", []byte(`{"schema":"transitionhelper.scan/1","findings":[]}`), "not a Kaspersky Transition Helper report"},
		{"binary", []byte{0, 1, 2, 0xff, 0xfe}, "cut short"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := newAgent(t)
			a.armed.Store(true)
			a.openReport(tc.data)
			if a.u.Caller() || a.u.state.Step != progress.StepStart {
				t.Fatalf("a bad file changed the view: caller %v, step %d", a.u.Caller(), a.u.state.Step)
			}
			var texts []string
			for _, o := range objects(a.u.win.Canvas()) {
				if l, ok := o.(*widget.Label); ok {
					texts = append(texts, l.Text)
				}
			}
			if !strings.Contains(strings.Join(texts, "\n"), tc.want) {
				t.Errorf("no message with %q in %q", tc.want, texts)
			}
			if _, err := os.Stat(filepath.Join(a.dir, progress.StateFile)); !os.IsNotExist(err) {
				t.Errorf("progress was written: %v", err)
			}
		})
	}
}

// TestCallerViewHugeName: a caller's report whose product name is almost
// 5 MiB (with control and bidi characters) opens in the caller view, every
// screen drawing that name shows it cleaned and cut.
func TestCallerViewHugeName(t *testing.T) {
	test.NewTempApp(t)
	var doc map[string]any
	if err := json.Unmarshal(callerReport(t), &doc); err != nil {
		t.Fatal(err)
	}
	huge := strings.Repeat("Kaspersky\u202e\x1b[31m ", 200000) // about 4.6 MiB in the JSON
	st := doc["state"].(map[string]any)
	for _, rec := range []string{"scan", "verify"} {
		if r, ok := st[rec].(map[string]any); ok {
			r["findings"].([]any)[0].(map[string]any)["name"] = huge
		}
	}
	data, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(data) < 4<<20 || len(data) > report.MaxJSONSize {
		t.Fatalf("the report is %d bytes: the test proves nothing", len(data))
	}
	a := newAgent(t)
	a.armed.Store(true)
	start := time.Now()
	a.openReport(data)
	if !a.u.Caller() {
		t.Fatal("the report was refused")
	}
	for _, st := range []progress.Step{progress.StepFound, progress.StepRemove, progress.StepVerify, progress.StepDone} {
		a.u.goTo(st)
		for _, o := range objects(a.u.win.Canvas()) {
			var text string
			switch v := o.(type) {
			case *widget.Label:
				text = v.Text
			case *widget.Card:
				text = v.Title
			default:
				continue
			}
			if utf8.RuneCountInString(text) > 2*report.MaxNameRunes+200 || strings.ContainsAny(text, "\u202e\x1b") {
				t.Errorf("step %d draws a name of %d runes, or with control characters", st, utf8.RuneCountInString(text))
			}
		}
	}
	t.Logf("a %.1f MiB report opened and its four steps drawn in %s", float64(len(data))/(1<<20), time.Since(start).Round(time.Millisecond))
}
