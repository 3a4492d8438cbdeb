package assets

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func loadLang(t *testing.T, name string) map[string]string {
	t.Helper()
	data, err := Translations.ReadFile("translations/" + name + ".json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]string
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s.json: %v", name, err)
	}
	return m
}

// placeholders lists the {{.Name}} template fields of a text.
var placeholder = regexp.MustCompile(`\{\{\s*\.[A-Za-z]+\s*\}\}`)

func TestTranslationsComplete(t *testing.T) {
	en, es := loadLang(t, "en"), loadLang(t, "es")
	for k, v := range en {
		tr, ok := es[k]
		if !ok || strings.TrimSpace(tr) == "" {
			t.Errorf("es.json lacks %q", k)
			continue
		}
		a, b := placeholder.FindAllString(v, -1), placeholder.FindAllString(tr, -1)
		slices.Sort(a)
		slices.Sort(b)
		if !slices.Equal(a, b) {
			t.Errorf("%q: English uses %v, Spanish %v", k, a, b)
		}
	}
	for k := range es {
		if _, ok := en[k]; !ok {
			t.Errorf("es.json has %q, which en.json lacks", k)
		}
	}
}

// TestEveryKeyInCodeIsTranslated reads the Go sources for lang.X("key",
// "fallback") and friends, and checks en.json has the key with the same text.
func TestEveryKeyInCodeIsTranslated(t *testing.T) {
	en := loadLang(t, "en")
	call := regexp.MustCompile("(?s)(?:lang\\.X|\\.t|Translate)\\(\\s*\"([a-z0-9.\\-]+)\",\\s*(`[^`]*`|\"(?:[^\"\\\\]|\\\\.)*\")")
	seen := 0
	for _, root := range []string{"../app", "../main.go"} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			src, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for _, m := range call.FindAllStringSubmatch(string(src), -1) {
				seen++
				fallback := m[2][1 : len(m[2])-1]
				if m[2][0] == '"' {
					if err := json.Unmarshal([]byte(m[2]), &fallback); err != nil {
						t.Errorf("%s: %v", path, err)
					}
				}
				if got, ok := en[m[1]]; !ok {
					t.Errorf("%s: key %q is not in en.json", path, m[1])
				} else if got != fallback {
					t.Errorf("%s: key %q says %q in code but %q in en.json", path, m[1], fallback, got)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if seen < 20 {
		t.Errorf("found only %d translated strings in the code; is the pattern still right?", seen)
	}
}
