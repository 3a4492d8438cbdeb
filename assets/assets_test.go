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

// loadLang reads one language: a key maps to its text, or for plurals to
// its forms ("one", "other"; flattened here as "key#one", "key#other").
func loadLang(t *testing.T, name string) map[string]string {
	t.Helper()
	data, err := Translations.ReadFile("translations/" + name + ".json")
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]any
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatalf("%s.json: %v", name, err)
	}
	m := map[string]string{}
	for k, v := range raw {
		switch v := v.(type) {
		case string:
			m[k] = v
		case map[string]any:
			for form, text := range v {
				s, ok := text.(string)
				if !ok || (form != "one" && form != "other") {
					t.Errorf("%s.json: %q has a bad plural form %q", name, k, form)
				}
				m[k+"#"+form] = s
			}
			if _, ok := v["other"]; !ok {
				t.Errorf("%s.json: plural %q has no \"other\" form", name, k)
			}
		default:
			t.Errorf("%s.json: %q is neither text nor plural forms", name, k)
		}
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
	call := regexp.MustCompile("(?s)(lang\\.XN|lang\\.X|\\.[tT]|Translate|\\bt)\\(\\s*\"([a-z0-9.\\-]+)\",\\s*(`[^`]*`|\"(?:[^\"\\\\]|\\\\.)*\")")
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
				key, lit := m[2], m[3]
				if m[1] == "lang.XN" {
					key += "#other" // the fallback of a plural is its "other" form
				}
				fallback := lit[1 : len(lit)-1]
				if lit[0] == '"' {
					if err := json.Unmarshal([]byte(lit), &fallback); err != nil {
						t.Errorf("%s: %v", path, err)
					}
				}
				if got, ok := en[key]; !ok {
					t.Errorf("%s: key %q is not in en.json", path, key)
				} else if got != fallback {
					t.Errorf("%s: key %q says %q in code but %q in en.json", path, key, fallback, got)
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
