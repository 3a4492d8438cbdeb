package passwords

// Exports the tests write in Kaspersky's layout: read back exactly, and ten
// megabytes of them read and converted.

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

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
