package doctor_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"transitionhelper/app/doctor"
	"transitionhelper/app/doctor/doctortest"
)

// TestJSONIsStableAndRedacted: the document has the schema's fields, the
// worst verdict as its result, and passes every text through redact.
func TestJSONIsStableAndRedacted(t *testing.T) {
	c := doctortest.Windows()
	c.ExecutableFn = func() (string, error) { return `C:\Users\ann\Downloads\th.exe`, nil }
	c.UserWritableFn = func(string) (bool, error) { return true, nil }
	r := doctor.Run(context.Background(), c, at, nil)
	data, err := doctor.JSON(r, "transition-helper", "1.2.3", func(s string) string { return strings.ReplaceAll(s, "ann", "<user>") })
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"schema", "app", "version", "generatedAt", "system", "result", "counts", "redacted", "checks"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("no %q in %s", k, data)
		}
	}
	if doc["schema"] != doctor.Schema || doc["result"] != "warn" || doc["generatedAt"] != "2026-11-26T09:00:00Z" {
		t.Errorf("schema %v, result %v, generatedAt %v", doc["schema"], doc["result"], doc["generatedAt"])
	}
	if strings.Contains(string(data), `\\ann\\`) || !strings.Contains(string(data), `\\<user>\\Downloads`) {
		t.Errorf("not redacted:\n%s", data)
	}
	check := doc["checks"].([]any)[0].(map[string]any)
	for _, k := range []string{"id", "status", "title", "seen", "means"} {
		if _, ok := check[k]; !ok {
			t.Errorf("a check has no %q: %v", k, check)
		}
	}
}

// TestTextSaysEachVerdict: the text form names each check's verdict and
// counts them.
func TestTextSaysEachVerdict(t *testing.T) {
	c := doctortest.Linux()
	c.ToolPathFn = doctortest.Tools("dpkg")
	text := doctor.Text(doctor.Run(context.Background(), c, at, nil), english, nil)
	if !strings.Contains(text, "[WARN] pkexec") || !strings.Contains(text, "[PASS] OpenGL 2.1 for the window") || !strings.Contains(text, "1 with a warning, 0 failed.") {
		t.Errorf("%s", text)
	}
}

func english(_ string, fallback string, data map[string]any) string {
	if data == nil {
		return fallback
	}
	for k, v := range data {
		fallback = strings.ReplaceAll(fallback, "{{."+k+"}}", strings.TrimSpace(strings.ReplaceAll(strings.Trim(strings.ReplaceAll(jsonString(v), `"`, ""), " "), "\n", " ")))
	}
	return fallback
}

func jsonString(v any) string { b, _ := json.Marshal(v); return string(b) }
