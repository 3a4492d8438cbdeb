package passwords

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
)

// sampleEntries are what testdata/sample.txt holds.
var sampleEntries = []Entry{
	{Kind: Website, Name: "Bank of Example", URL: "https://bank.example.com/login", LoginName: "Checking",
		Login: "maria.lopez@example.com", Password: `"quoted", with commas; and semicolons`,
		Comment: "Branch: Main Street\nCard PIN is NOT here.", Line: 3},
	{Kind: Website, Name: "Correo, personal", URL: "www.correo.example", Login: "josé",
		Password: "  leading and trailing spaces   ",
		Comment:  "Línea uno\n---\nstill the comment, after a line of three dashes\n\nPassword: not a field, part of the comment", Line: 13},
	{Kind: Website, Name: "Tricky", URL: "http://tricky.example", LoginName: "Tricky", Login: "user", Password: "Password: abc:def", Line: 26},
	{Kind: Website, Name: "Emoji 🔑", URL: "https://emoji.example/😀", LoginName: "家族", Login: "用户", Password: "пароль🔒ü=1+2",
		Comment: `=HYPERLINK("http://evil.example")`, Line: 35},
	{Kind: Website, Name: "No address", Login: "nobody", Password: "secret-no-url", Line: 44},
	{Kind: Website, Name: "No password", URL: "https://nopass.example", Login: "someone", Line: 53},
	{Kind: Application, Name: "Steam", LoginName: "Games", Login: "gamer42", Password: `app-pass,"x"`, Comment: "Desktop app", Line: 64},
	{Kind: OtherAccount, Name: "Home Wi-Fi", Login: "router", Password: "wifi pass", Comment: "In the hall closet", Line: 74},
	{Kind: Note, Name: "Alarm code", Comment: "1234\nsecond line", Line: 83},
	{Kind: Note, Name: "Recipe", Comment: "Mix, stir; bake \"well\".\n---\nDone.", Line: 89},
}

func readSample(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "sample.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func toCRLF(b []byte) []byte { return bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")) }

func toUTF16LE(b []byte) []byte {
	u := utf16.Encode([]rune(string(b)))
	out := []byte{0xFF, 0xFE}
	for _, c := range u {
		out = append(out, byte(c), byte(c>>8))
	}
	return out
}

func TestParseSample(t *testing.T) {
	lf := readSample(t)
	bom := []byte{0xEF, 0xBB, 0xBF}
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"LF", lf},
		{"CRLF", toCRLF(lf)},
		{"BOM", append(slices.Clone(bom), lf...)},
		{"BOM+CRLF", append(slices.Clone(bom), toCRLF(lf)...)},
		{"UTF-16LE", toUTF16LE(lf)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Parse(tc.data)
			if err != nil {
				t.Fatal(err)
			}
			compareEntries(t, got, sampleEntries)
		})
	}
}

func compareEntries(t *testing.T, got, want []Entry) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d entries, want %d", len(got), len(want))
	}
	bad := 0
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			if bad++; bad > 10 {
				t.Fatal("and more")
			}
			// %q of the fields, passwords included: this is a test of
			// made-up passwords.
			t.Errorf("entry %d:\n got  %s\n want %s", i, dump(got[i]), dump(want[i]))
		}
	}
}

func dump(e Entry) string {
	return fmt.Sprintf("kind=%v name=%q url=%q loginName=%q login=%q password=%q comment=%q extra=%q line=%d",
		e.Kind, e.Name, e.URL, e.LoginName, e.Login, string(e.Password), e.Comment, e.Extra, e.Line)
}

func TestSecretNeverPrinted(t *testing.T) {
	e := Entry{Name: "x", Password: "hunter2-very-secret"}
	for _, s := range []string{fmt.Sprint(e), fmt.Sprintf("%v %+v %#v %s %q", e, e, e, e.Password, e.Password)} {
		if strings.Contains(s, "hunter2") {
			t.Errorf("the password is printed: %s", s)
		}
	}
}

func TestNotExport(t *testing.T) {
	for name, data := range map[string]string{
		"empty":       "",
		"blank":       "\n \r\n\t\n",
		"prose":       "Dear Maria,\nWebsites are fun.\n",
		"csv":         "name,url,username,password\nx,https://x,u,p\n",
		"json":        `{"items": []}`,
		"headers":     "Notes\n\nshopping list\neggs\n",
		"binary":      "\x00\x01\x02PK\x03\x04",
		"field later": "hello\nWebsite name: x\n",
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := Parse([]byte(data)); !errors.Is(err, ErrNotExport) {
				t.Errorf("Parse = %v, want ErrNotExport", err)
			}
		})
	}
	for _, name := range []string{"notexport-csv.txt", "notexport-letter.txt"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Parse(b); !errors.Is(err, ErrNotExport) {
			t.Errorf("%s: Parse = %v, want ErrNotExport", name, err)
		}
	}
}

func TestTooLarge(t *testing.T) {
	if _, err := Parse(make([]byte, MaxExportSize+1)); !errors.Is(err, ErrTooLarge) {
		t.Errorf("Parse = %v, want ErrTooLarge", err)
	}
}

func TestEmptyExport(t *testing.T) {
	got, err := Parse([]byte("Websites\n\nApplications\n\nNotes\n\n"))
	if err != nil || len(got) != 0 {
		t.Errorf("Parse = %v, %v; want no entries, no error", got, err)
	}
}

func TestUnknownFieldsKept(t *testing.T) {
	in := "Websites\n\nWebsite name: A\nWebsite URL: https://a.example\nFolder: Work\nLogin: u\nPassword: p1\nPassword: p2\nComment: c\n\n---\n"
	got, err := Parse([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{{Kind: Website, Name: "A", URL: "https://a.example", Login: "u", Password: "p1", Comment: "c",
		Extra: []string{"Folder: Work", "Password: p2"}, Line: 3}}
	compareEntries(t, got, want)
	res, err := Convert(got, Chrome)
	if err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, res.CSV)
	if n := rows[1][4]; n != "c\nFolder: Work\nPassword: p2" {
		t.Errorf("note = %q", n)
	}
}

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

// formatExport writes entries in Kaspersky's layout: sections in order,
// each entry's fields, a blank line, "---", a blank line.
func formatExport(entries []Entry, nl string) []byte {
	var b strings.Builder
	section := Kind(0)
	heads := map[Kind]string{Website: "Websites", Application: "Applications", OtherAccount: "Other Accounts", Note: "Notes"}
	line := func(s string) { b.WriteString(s + nl) }
	for _, e := range entries {
		if e.Kind != section {
			section = e.Kind
			line(heads[section])
			line("")
		}
		comment := strings.ReplaceAll(e.Comment, "\n", nl)
		switch e.Kind {
		case Website:
			line("Website name: " + e.Name)
			line("Website URL: " + e.URL)
			line("Login name: " + e.LoginName)
			line("Login: " + e.Login)
			line("Password: " + string(e.Password))
			line("Comment: " + comment)
		case Application:
			line("Application: " + e.Name)
			line("Login name: " + e.LoginName)
			line("Login: " + e.Login)
			line("Password: " + string(e.Password))
			line("Comment: " + comment)
		case OtherAccount:
			line("Account name: " + e.Name)
			line("Login: " + e.Login)
			line("Password: " + string(e.Password))
			line("Comment: " + comment)
		case Note:
			line("Name: " + e.Name)
			line("Text: " + comment)
		}
		line("")
		line("---")
		line("")
	}
	return []byte(b.String())
}

// bigExport is about size bytes of entries of every kind, hostile text
// included, and the entries it holds.
func bigExport(size int) ([]byte, []Entry) {
	var entries []Entry
	n := 0
	for i := 0; n < size+size/8; i++ {
		e := sampleEntries[i%len(sampleEntries)]
		e.Name = fmt.Sprintf("%s #%d", e.Name, i)
		if e.Kind != Note {
			e.Password = Secret(fmt.Sprintf("%s-%d,\"%d\";", string(e.Password), i, i))
		}
		entries = append(entries, e)
		n += len(formatExport([]Entry{e}, "\r\n"))
	}
	// Sections in order, as Kaspersky writes them.
	slices.SortStableFunc(entries, func(a, b Entry) int { return int(a.Kind) - int(b.Kind) })
	data := formatExport(entries, "\r\n")
	// Lines as Parse numbers them.
	ln := 1
	prev := Kind(0)
	for i := range entries {
		if entries[i].Kind != prev {
			prev = entries[i].Kind
			ln += 2
		}
		entries[i].Line = ln
		ln += strings.Count(entries[i].Comment, "\n") + 3 + map[Kind]int{Website: 6, Application: 5, OtherAccount: 4, Note: 2}[entries[i].Kind]
	}
	return append([]byte{0xEF, 0xBB, 0xBF}, data...), entries
}

func TestTenMegabytes(t *testing.T) {
	data, want := bigExport(10 << 20)
	if len(data) < 10<<20 {
		t.Fatalf("only %d bytes", len(data))
	}
	got, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	// formatExport writes every field, empty ones too: the same values.
	compareEntries(t, got, want)
	for _, tg := range Targets() {
		checkConversion(t, got, tg)
	}
}

func TestFormatRoundTrip(t *testing.T) {
	for _, nl := range []string{"\n", "\r\n"} {
		got, err := Parse(formatExport(sampleEntries, nl))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(sampleEntries) {
			t.Fatalf("%d entries", len(got))
		}
		for i := range got {
			got[i].Line = sampleEntries[i].Line
		}
		compareEntries(t, got, sampleEntries)
	}
}
