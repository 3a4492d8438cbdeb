package passwords

// Converting: every field of every row of each target's CSV, read back,
// and every entry left with its reason.

import (
	"bytes"
	"encoding/csv"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// expectedRow is the row a target should hold for an entry, or nil with
// the reason it is left.
func expectedRow(tg Target, e Entry) ([]string, Reason) {
	notes := notesOf(e)
	if e.Kind == Note && tg != Bitwarden {
		return nil, NotesNotHeld
	}
	url := e.URL
	switch tg {
	case Edge, Chrome, Apple, Firefox:
		if e.Kind != Website || strings.TrimSpace(e.URL) == "" {
			return nil, NoWebAddress
		}
		if e.Password == "" {
			return nil, NoPassword
		}
		url = strings.TrimSpace(url)
		if !strings.Contains(url, "://") {
			url = "https://" + url
		}
	}
	p := string(e.Password)
	switch tg {
	case Edge, Chrome:
		return []string{e.Title(), url, e.Login, p, notes}, 0
	case Apple:
		return []string{e.Title(), url, e.Login, p, notes, ""}, 0
	case Firefox:
		return []string{url, e.Login, p, "", "", "", "", "", ""}, 0
	case OnePassword:
		return []string{e.Title(), url, e.Login, p, notes}, 0
	case Bitwarden:
		if e.Kind == Note {
			return []string{"", "", "note", e.Title(), notes, "", "", "", "", "", ""}, 0
		}
		return []string{"", "", "login", e.Title(), notes, "", "", url, e.Login, p, ""}, 0
	}
	panic("target")
}

func readCSV(t testing.TB, b []byte) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(b))
	r.FieldsPerRecord = 0 // every row as long as the header
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not parse back: %v", err)
	}
	return rows
}

// checkConversion converts entries to tg, reads the CSV back and compares
// every field of every row, and every entry left with its reason.
func checkConversion(t testing.TB, entries []Entry, tg Target) Result {
	t.Helper()
	res, err := Convert(entries, tg)
	if err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, res.CSV)
	if !slices.Equal(rows[0], tg.Columns()) {
		t.Fatalf("header %q, want %q", rows[0], tg.Columns())
	}
	rows = rows[1:]
	var wantRows [][]string
	var wantLeft []Left
	for _, e := range entries {
		row, why := expectedRow(tg, e)
		if row == nil {
			wantLeft = append(wantLeft, Left{Name: e.label(), Kind: e.Kind, Line: e.Line, Reason: why})
			continue
		}
		if tg == Firefox && notesOf(e) != "" {
			wantLeft = append(wantLeft, Left{Name: e.label(), Kind: e.Kind, Line: e.Line, Reason: CommentNotHeld})
		}
		wantRows = append(wantRows, row)
	}
	if res.Converted != len(wantRows) || len(rows) != len(wantRows) {
		t.Fatalf("%d rows (Converted %d), want %d", len(rows), res.Converted, len(wantRows))
	}
	for i := range wantRows {
		for j := range wantRows[i] {
			if rows[i][j] != wantRows[i][j] {
				t.Errorf("row %d, %s = %q, want %q", i+1, rows[0][j], rows[i][j], wantRows[i][j])
			}
		}
	}
	if !reflect.DeepEqual(res.Left, wantLeft) {
		t.Errorf("left %+v, want %+v", res.Left, wantLeft)
	}
	return res
}

func TestConvertSample(t *testing.T) {
	entries, err := Parse(readSample(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, tg := range Targets() {
		t.Run(string(tg), func(t *testing.T) {
			res := checkConversion(t, entries, tg)
			// Nothing is dropped silently: each entry is a row or left.
			left := 0
			for _, l := range res.Left {
				if l.Reason != CommentNotHeld {
					left++
				}
			}
			if res.Converted+left != len(entries) {
				t.Errorf("%d converted + %d left ≠ %d entries", res.Converted, left, len(entries))
			}
			// A left entry is named, never with its password.
			for _, l := range res.Left {
				for _, e := range entries {
					if e.Password != "" && strings.Contains(l.Name, string(e.Password)) {
						t.Errorf("a left entry's name holds a password: %q", l.Name)
					}
				}
			}
		})
	}
}

// TestConvertCounts pins what each target holds of the sample.
func TestConvertCounts(t *testing.T) {
	entries, err := Parse(readSample(t))
	if err != nil {
		t.Fatal(err)
	}
	for tg, want := range map[Target]struct {
		converted int
		left      []string
	}{
		Edge:        {4, []string{"No address", "No password", "Steam (Games)", "Home Wi-Fi", "Alarm code", "Recipe"}},
		Chrome:      {4, []string{"No address", "No password", "Steam (Games)", "Home Wi-Fi", "Alarm code", "Recipe"}},
		Apple:       {4, []string{"No address", "No password", "Steam (Games)", "Home Wi-Fi", "Alarm code", "Recipe"}},
		Firefox:     {4, []string{"Bank of Example (Checking)", "Correo, personal", "Emoji 🔑 (家族)", "No address", "No password", "Steam (Games)", "Home Wi-Fi", "Alarm code", "Recipe"}},
		OnePassword: {8, []string{"Alarm code", "Recipe"}},
		Bitwarden:   {10, nil},
	} {
		res, err := Convert(entries, tg)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, l := range res.Left {
			names = append(names, l.Name)
		}
		if res.Converted != want.converted || !slices.Equal(names, want.left) {
			t.Errorf("%s: converted %d, left %q; want %d, %q", tg, res.Converted, names, want.converted, want.left)
		}
	}
}

func TestTargets(t *testing.T) {
	for _, tg := range Targets() {
		got, err := ParseTarget(strings.ToUpper(string(tg)))
		if err != nil || got != tg {
			t.Errorf("ParseTarget(%q) = %q, %v", tg, got, err)
		}
		if tg.Name() == "" || len(tg.Columns()) == 0 {
			t.Errorf("%s: no name or columns", tg)
		}
		if tg.ImportsExportDirectly() != (tg == Bitwarden) {
			t.Errorf("%s: ImportsExportDirectly = %v", tg, tg.ImportsExportDirectly())
		}
	}
	if _, err := ParseTarget("lastpass"); !errors.Is(err, ErrUnknownTarget) {
		t.Errorf("ParseTarget(lastpass) = %v", err)
	}
	if _, err := Convert(nil, "lastpass"); !errors.Is(err, ErrUnknownTarget) {
		t.Errorf("Convert(lastpass) = %v", err)
	}
}
