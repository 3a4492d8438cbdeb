package cli

import (
	"encoding/json"
	"os"
	"testing"
)

// TestElevatedStopTextIsTranslated: the shared constant's English is the
// translation file's (the assets test cannot see a constant).
func TestElevatedStopTextIsTranslated(t *testing.T) {
	data, err := os.ReadFile("../../assets/translations/en.json")
	if err != nil {
		t.Fatal(err)
	}
	var en map[string]json.RawMessage // plurals are objects
	if err := json.Unmarshal(data, &en); err != nil {
		t.Fatal(err)
	}
	var got string
	if err := json.Unmarshal(en["app.elevated-stop"], &got); err != nil || got != ElevatedStopText {
		t.Errorf("en.json app.elevated-stop = %q (%v), the code says %q", got, err, ElevatedStopText)
	}
}
