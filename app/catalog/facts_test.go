package catalog

import (
	"strings"
	"testing"
	"time"
)

// TestFactsAreDatedAndSourced: every fact the embedded catalog lists has
// the day its page was read and the page's https address, oldest first;
// the milestones are among them, and the catalog's date is the oldest.
func TestFactsAreDatedAndSourced(t *testing.T) {
	cat, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	fs := cat.Facts()
	if len(fs) < len(cat.Milestones)+10 {
		t.Fatalf("only %d dated facts", len(fs))
	}
	prev := ""
	for _, f := range fs {
		if _, err := time.Parse("2006-01-02", f.Checked); err != nil || !strings.HasPrefix(f.URL, "https://") || f.Says == "" {
			t.Errorf("fact without a day, a page or words: %+v", f)
		}
		if f.Checked < prev {
			t.Errorf("not oldest first: %s after %s", f.Checked, prev)
		}
		prev = f.Checked
	}
	if cat.FactsChecked() != fs[0].Checked {
		t.Errorf("FactsChecked %s, the oldest fact %s", cat.FactsChecked(), fs[0].Checked)
	}
	var esu *Fact
	for i := range fs {
		if fs[i].About == "milestone windows10-esu-end" {
			esu = &fs[i]
		}
	}
	if esu == nil || !strings.HasPrefix(esu.Says, "2027-10-12: ") {
		t.Errorf("Windows 10's ESU end is not listed as October 12, 2027: %+v", esu)
	}
	d, _ := time.Parse("2006-01-02", cat.FactsChecked())
	if got := cat.FactsAge(d.Add(181 * 24 * time.Hour)); got != 181 {
		t.Errorf("181 days after: age %d", got)
	}
	if got := cat.FactsAge(d.Add(-time.Hour)); got != 0 {
		t.Errorf("a clock behind the facts: age %d", got)
	}
}
