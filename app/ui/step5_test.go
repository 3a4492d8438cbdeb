package ui

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"transitionhelper/app/catalog"
	"transitionhelper/app/progress"
	"transitionhelper/app/region"
	"transitionhelper/assets"
)

// TestStep5Short: the answer and what to do next first, the list folded;
// tied products share one heading instead of each being numbered the same;
// one line for the whole list says to check before buying (no amber line
// repeated on every card); the built-in line says what is not part of it,
// never that it "lacks" what its own card then lists.
func TestStep5Short(t *testing.T) {
	test.NewTempApp(t)
	h := newHarness(t, "", region.US, snapKaspersky)
	u := h.u
	snap := snapKaspersky
	u.OpenStep(progress.StepChoose, u.svc.Analyze(&snap), region.US)
	if u.Choose.FullList == nil || u.Choose.FullList.IsOpen() {
		t.Fatal("the full list is not folded")
	}
	if u.Choose.NextStep == nil || !strings.Contains(u.Choose.NextStep.Text, "Step 6 checks that it is on") {
		t.Errorf("no next step after choosing: %v", u.Choose.NextStep)
	}
	if strings.Contains(u.Choose.BuiltinLine.Text, "lacks") {
		t.Errorf("the built-in line: %q", u.Choose.BuiltinLine.Text)
	}
	u.Choose.FullList.Open()
	places := map[string]int{}
	checkLines, amber := 0, 0
	for _, o := range objectsIn(u.Choose.FullList.Box) {
		switch v := o.(type) {
		case *widget.Card:
			if m := regexp.MustCompile(`^(\d+)\. `).FindStringSubmatch(v.Title); m != nil {
				places[m[1]]++
			}
		case *widget.Label:
			if strings.Contains(v.Text, "before you buy") {
				checkLines++
			}
			if strings.HasPrefix(v.Text, "Not yet checked") && v.Importance == widget.WarningImportance {
				amber++
			}
		}
	}
	for place, n := range places {
		if n > 1 {
			t.Errorf("%d cards are numbered %s.: tied products share one heading", n, place)
		}
	}
	if text := labelsText(u.Choose.FullList.Box); !strings.Contains(text, "Equally good matches, listed by name:") {
		t.Error("no heading for the tied products")
	}
	if checkLines != 1 || amber != 0 {
		t.Errorf("%d lines say to check before buying (want 1 for the list), %d amber \"Not yet checked\" lines (want 0)", checkLines, amber)
	}
}

// TestEveryCatalogCountryIsTranslated: every country an alternative of the
// catalog is based in has its key (countryKey) in en.json and es.json, so
// that a new country needs only those two entries, and step 5 never names
// one in English on a Spanish screen.
func TestEveryCatalogCountryIsTranslated(t *testing.T) {
	cat, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range []string{"en", "es"} {
		data, err := assets.Translations.ReadFile("translations/" + code + ".json")
		if err != nil {
			t.Fatal(err)
		}
		var texts map[string]any
		if err := json.Unmarshal(data, &texts); err != nil {
			t.Fatalf("%s.json: %v", code, err)
		}
		seen := map[string]bool{}
		for _, a := range cat.Alternatives {
			key := countryKey(a.Country)
			if seen[key] {
				continue
			}
			seen[key] = true
			if s, ok := texts[key].(string); !ok || strings.TrimSpace(s) == "" {
				t.Errorf("%s.json has no %q for %q (%s is based there): add it to assets/translations/en.json and es.json", code, key, a.Country, a.ID)
			}
		}
		if len(seen) < 5 {
			t.Errorf("only %d countries in the catalog: is the walk still right?", len(seen))
		}
	}
}
