package passwords

// Reading an export: the sample in every encoding, what is not an export,
// and what is kept of fields the reader does not know.

import (
	"bytes"
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
