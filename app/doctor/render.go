package doctor

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"transitionhelper/platform"
)

// Schema names the JSON document (docs/doctor-json.md).
const Schema = "transitionhelper.doctor/1"

// JSONDoc is the JSON form of a Result: stable field names and check ids,
// English texts, and every text passed through redact (user names, home
// folders).
type JSONDoc struct {
	Schema      string          `json:"schema"`
	App         string          `json:"app"`
	Version     string          `json:"version"`
	GeneratedAt time.Time       `json:"generatedAt"`
	System      platform.OSInfo `json:"system"`
	Result      Status          `json:"result"`
	Counts      map[Status]int  `json:"counts"`
	Redacted    bool            `json:"redacted"`
	Checks      []JSONCheck     `json:"checks"`
}

// JSONCheck is one check in JSONDoc.
type JSONCheck struct {
	ID     string  `json:"id"`
	Status Status  `json:"status"`
	Title  string  `json:"title"`
	Seen   string  `json:"seen"`
	Means  string  `json:"means"`
	TookMS float64 `json:"tookMs,omitempty"`
}

// Doc builds the JSON document; redact may be nil (nothing hidden).
func Doc(r Result, app, version string, redact func(string) string) JSONDoc {
	if redact == nil {
		redact = func(s string) string { return s }
	}
	doc := JSONDoc{Schema: Schema, App: app, Version: version, GeneratedAt: r.At.UTC().Truncate(time.Second),
		System: r.OS, Result: r.Worst(), Counts: map[Status]int{Pass: r.Count(Pass), Warn: r.Count(Warn), Fail: r.Count(Fail)},
		Redacted: true, Checks: []JSONCheck{}}
	doc.System.Name, doc.System.Version = redact(doc.System.Name), redact(doc.System.Version)
	for _, c := range r.Checks {
		doc.Checks = append(doc.Checks, JSONCheck{ID: c.ID, Status: c.Status, Title: redact(c.Title), Seen: redact(c.Seen),
			Means: redact(c.Means), TookMS: float64(c.Took.Microseconds()) / 1000})
	}
	return doc
}

// JSON renders the document, indented, with a final newline.
func JSON(r Result, app, version string, redact func(string) string) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // "<user>" stays readable
	enc.SetIndent("", "  ")
	if err := enc.Encode(Doc(r, app, version, redact)); err != nil {
		return nil, fmt.Errorf("encoding the doctor's result: %w", err)
	}
	return b.Bytes(), nil
}

// Text renders the result for people: one block per check, the verdict
// first, then a one-line summary.
func Text(r Result, t Translator, redact func(string) string) string {
	if redact == nil {
		redact = func(s string) string { return s }
	}
	var b strings.Builder
	word := map[Status]string{Pass: "PASS", Warn: "WARN", Fail: "FAIL"}
	for _, c := range r.Checks {
		fmt.Fprintf(&b, "[%s] %s\n", word[c.Status], redact(c.Title))
		fmt.Fprintf(&b, "       %s: %s\n", t("doctor.seen", "seen", nil), redact(c.Seen))
		fmt.Fprintf(&b, "       %s: %s\n", t("doctor.means", "means", nil), redact(c.Means))
	}
	fmt.Fprintf(&b, "\n%s\n", t("doctor.summary", "{{.Pass}} passed, {{.Warn}} with a warning, {{.Fail}} failed.",
		map[string]any{"Pass": r.Count(Pass), "Warn": r.Count(Warn), "Fail": r.Count(Fail)}))
	return b.String()
}
