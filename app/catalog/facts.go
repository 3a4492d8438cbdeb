package catalog

import (
	"cmp"
	"slices"
	"time"
)

// Fact is one dated fact the app states: a milestone, what a company's
// page says of an alternative, or a part of a built-in protection, with the
// day its page was read and the page.
type Fact struct {
	// About names what it is about: "milestone windows10-esu-end",
	// "alternative eset".
	About string `json:"about"`
	// Says is the fact, in English, as the catalog records it.
	Says string `json:"says"`
	// Checked is the day its page was read (YYYY-MM-DD).
	Checked    string `json:"checked"`
	Source     string `json:"source"`
	URL        string `json:"url"`
	Confidence string `json:"confidence,omitempty"`
}

// Facts lists every dated fact of the catalog, oldest first (then in
// catalog order). Parts not checked on a page have no date and are not
// listed: the app states them as unverified.
func (c *Catalog) Facts() []Fact {
	var out []Fact
	add := func(about, says, checked, source, confidence string) {
		f := Fact{About: about, Says: says, Checked: checked, Source: source, Confidence: confidence}
		if s := c.sources[source]; s != nil {
			f.URL = s.URL
		}
		out = append(out, f)
	}
	for _, m := range c.Milestones {
		add("milestone "+m.ID, m.At.In(zone(m.TimeZone)).Format("2006-01-02")+": "+m.Title, m.Checked, m.Source, m.Confidence)
	}
	for _, a := range c.Alternatives {
		for _, ch := range a.Checks {
			add("alternative "+a.ID, ch.Says, ch.Checked, ch.Source, "")
		}
		for _, p := range a.Parts {
			if p.Checked != "" {
				add("alternative "+a.ID, p.Name+" ("+p.Feature+", made by "+p.Maker+")", p.Checked, p.Source, p.Confidence)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Fact) int { return cmp.Compare(a.Checked, b.Checked) })
	return out
}

// FactsChecked is the day of the oldest dated fact: every fact the app
// states was read on its page on that day or later. Empty for a catalog
// with no dated fact.
func (c *Catalog) FactsChecked() string { return c.factsChecked }

// FactsAge is how long before now the oldest fact was read, in whole days
// (0 when there is none or the clock is behind it).
func (c *Catalog) FactsAge(now time.Time) int {
	d, err := time.Parse("2006-01-02", c.FactsChecked())
	if err != nil || now.Before(d) {
		return 0
	}
	return int(now.Sub(d).Hours() / 24)
}

func zone(name string) *time.Location {
	if loc, err := time.LoadLocation(name); err == nil {
		return loc
	}
	return time.UTC
}
