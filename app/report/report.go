package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"strings"
	texttemplate "text/template"
	"time"

	"transitionhelper/app/catalog"
	"transitionhelper/app/detect"
	"transitionhelper/app/progress"
	"transitionhelper/app/removal"
	"transitionhelper/platform"
)

// Formats of a report.
const (
	FormatText = "text"
	FormatJSON = "json"
	FormatHTML = "html"
)

// Formats lists them, for flags and file dialogs.
var Formats = []string{FormatText, FormatJSON, FormatHTML}

// Schema names the JSON report format (docs/report-json.md).
const Schema = "transitionhelper.report/1"

// Input is what a report is made from.
type Input struct {
	App, Version string
	GOOS         string
	At           time.Time
	State        progress.State
	// Full keeps user names, home folders, account SIDs, e-mail addresses
	// and instance ids; otherwise they are redacted.
	Full     bool
	Redactor Redactor
	T        Translator
}

func (in *Input) prepare() {
	if in.T == nil {
		in.T = English
	}
	if !in.Full {
		in.State = in.Redactor.State(in.State)
	}
}

// Render writes the report in one of Formats.
func Render(format string, in Input) ([]byte, error) {
	switch format {
	case FormatText:
		return []byte(Text(in)), nil
	case FormatJSON:
		return JSON(in)
	case FormatHTML:
		return HTML(in)
	}
	return nil, fmt.Errorf("unknown report format %q: use %s", format, strings.Join(Formats, ", "))
}

// view is the report's content, shared by the three formats.
type view struct {
	Title, Made, Code, CodeLabel string
	Facts                        []string
	NextLabel, Next              string
	System                       string
	Findings                     []viewFinding
	ChecklistLabel               string
	Checklist                    []viewItem
	RemovalLabel                 string
	Removal                      []viewItem
	FoundLabel, EvidenceLabel    string
	Redacted                     string
	Incomplete                   string
	Nothing                      string
	ProductLabel, StateLabel     string
}

type viewFinding struct {
	Name, State string
	Evidence    []string
}

type viewItem struct{ Name, State string }

func build(in Input) view {
	t := in.T
	s := in.State
	v := view{
		Title:      t("report.title", "Kaspersky Transition Helper report", nil),
		Made:       t("report.made", "Made on {{.When}} by {{.App}} {{.Version}}.", map[string]any{"When": in.At.UTC().Format("2006-01-02 15:04 UTC"), "App": in.App, "Version": in.Version}),
		CodeLabel:  t("report.code", "Status code", nil),
		Code:       Code(s, in.Version, in.GOOS),
		NextLabel:  t("report.next", "What to do next", nil),
		FoundLabel: t("report.found", "Found on this computer", nil), EvidenceLabel: t("report.evidence", "Evidence", nil),
		ChecklistLabel: t("report.checklist", "Saved before removal", nil),
		RemovalLabel:   t("report.removal", "Removal", nil),
		Nothing:        t("report.nothing", "No security product was found.", nil),
		ProductLabel:   t("report.product", "Product", nil),
		StateLabel:     t("report.state", "State", nil),
	}
	if d, err := time.Parse("2006-01-02", FactsChecked()); err == nil {
		v.Made += " " + t("report.facts-checked", "The facts it states were checked on {{.Date}} or later.", map[string]any{"Date": LongDate(d, t)})
	}
	st, _ := Decode(v.Code)
	v.Facts, v.Next = Explain(st, t, in.At)
	if !in.Full {
		v.Redacted = t("report.redacted", "User names, home folders, account ids and e-mail addresses are hidden (<user>, <sid>, <email>, <id>).", nil)
	}
	if rec := s.Latest(); rec != nil {
		v.System = Name(strings.TrimSpace(fmt.Sprintf("%s %s (%s, %s)", rec.OS.Name, rec.OS.Version, rec.OS.Family, rec.OS.Arch)))
		if !rec.Complete {
			v.Incomplete = t("report.incomplete", "Some checks could not finish, so this list may be incomplete.", nil)
		}
		for _, f := range rec.Findings {
			vf := viewFinding{Name: Name(f.NameVersion()), State: FindingStateText(f, t)}
			for _, e := range f.Evidence {
				vf.Evidence = append(vf.Evidence, LongText(e.String()))
			}
			v.Findings = append(v.Findings, vf)
		}
	}
	for _, id := range s.Checklist() {
		state := t("report.not-yet", "not yet", nil)
		if s.Ticks[id] {
			state = t("report.done", "done", nil)
		}
		v.Checklist = append(v.Checklist, viewItem{Name: ChecklistName(id, t), State: state})
	}
	for _, r := range s.RemovalRows() {
		state := RemovalText(r.State, t)
		if why := s.Scan.ByHand[r.Finding.ProductID]; r.State == progress.ByHand && why != "" {
			state += " (" + LongText(why) + ")"
		}
		v.Removal = append(v.Removal, viewItem{Name: Name(r.Finding.NameVersion()), State: state})
	}
	return v
}

// FindingStateText is StateText for one finding: a root certificate is no
// program, so its state does not say that files stayed behind.
func FindingStateText(f detect.Finding, t Translator) string {
	if f.Component == catalog.ComponentRootCertificate {
		return t("state.root-certificate", "Still on this computer: best removed", nil)
	}
	return StateText(f.State, t)
}

// StateText is the plain word for a finding's state.
func StateText(state string, t Translator) string {
	switch state {
	case detect.StateRunning:
		return t("state.running", "Running", nil)
	case detect.StateInstalled:
		return t("state.installed", "Installed, not running", nil)
	}
	return t("state.leftover", "Removed, but some files stayed behind", nil)
}

// RemovalText is the plain word for a product's removal state.
func RemovalText(st progress.RemovalState, t Translator) string {
	switch st {
	case progress.Removing:
		return t("remove.state-removing", "Removing…", nil)
	case progress.RestartNeeded:
		return t("remove.state-restart", "Restart needed", nil)
	case progress.Removed:
		return t("remove.state-removed", "Removed", nil)
	case progress.ByHand:
		return t("remove.state-by-hand", "To remove by hand: cannot be started from here", nil)
	}
	return t("remove.state-to-remove", "To remove", nil)
}

// OutcomeText says in one sentence how a start of an uninstaller ended;
// the door adds where to go next.
func OutcomeText(result string, code int, t Translator) string {
	switch result {
	case removal.Done:
		return t("uninstall.done", "The uninstaller finished.", nil)
	case removal.RestartNeeded:
		return t("uninstall.restart", "The uninstaller finished. Restart the computer to complete the removal.", nil)
	case removal.Cancelled:
		return t("uninstall.cancelled", "The uninstaller was cancelled. You can start it again.", nil)
	case removal.Refused:
		return t("uninstall.refused", "The uninstaller was not started because it could not be trusted.", nil)
	case removal.WouldStart:
		return t("uninstall.would-start", "This is a demonstration with sample data: nothing was started.", nil)
	}
	if code < 0 {
		return t("uninstall.not-started", "The uninstaller could not be started.", nil)
	}
	return t("uninstall.exit", "The uninstaller stopped with code {{.Code}}.", map[string]any{"Code": code})
}

// RefusalText says in plain words why an elevated start was refused
// because of a setting of this account (platform.ErrClassOverride,
// platform.ErrUnsafeEnvironment), and how to remove that setting; "" for
// any other error. The settings are named, cleaned of control characters.
func RefusalText(err error, t Translator) string {
	var u *platform.UnsafeSettingError
	if err == nil || !errors.As(err, &u) {
		return ""
	}
	names := make([]string, len(u.Settings))
	for i, s := range u.Settings {
		names[i] = Sanitize(s)
	}
	data := map[string]any{"Settings": strings.Join(names, "; ")}
	switch {
	case errors.Is(err, platform.ErrClassOverride):
		return t("uninstall.class-override", "The uninstaller was not started: a setting of your Windows account changes how programs start, and it could make Windows' permission prompt start another program. To remove it, open Registry Editor (regedit), delete this key, and try again: {{.Settings}}. If you did not make this setting, have the computer checked for malware.", data)
	case errors.Is(err, platform.ErrUnsafeEnvironment):
		return t("uninstall.unsafe-environment", "The uninstaller was not started: an environment variable of your Windows account would make it load another program's code with administrator rights. To remove it, search Start for \"Edit environment variables for your account\", delete the variable, sign out and back in, and try again: {{.Settings}}. If you did not set it, have the computer checked for malware.", data)
	}
	return ""
}

// ChecklistName is step 3's item id in words, as reports name it.
func ChecklistName(id string, t Translator) string {
	switch id {
	case progress.SavePasswords:
		return t("report.item-passwords", "Passwords exported from Kaspersky Password Manager", nil)
	case progress.SaveLicence:
		return t("report.item-licence", "License details written down", nil)
	case progress.SaveQuarantine:
		return t("report.item-quarantine", "Quarantine checked", nil)
	case progress.SaveVPN:
		return t("report.item-vpn", "VPN subscription noted", nil)
	}
	return t("report.item-safe-kids", "Safe Kids rules written down", nil)
}

// Text is the plain report, easy to read aloud.
func Text(in Input) string {
	in.prepare()
	v := build(in)
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n%s\n\n", v.Title, v.Made)
	fmt.Fprintf(&b, "%s: %s\n", v.CodeLabel, v.Code)
	for _, f := range v.Facts {
		fmt.Fprintf(&b, "  - %s\n", f)
	}
	fmt.Fprintf(&b, "\n%s: %s\n", v.NextLabel, v.Next)
	if v.System != "" {
		fmt.Fprintf(&b, "\n%s (%s):\n", v.FoundLabel, v.System)
		if len(v.Findings) == 0 {
			fmt.Fprintf(&b, "  %s\n", v.Nothing)
		}
	}
	for i, f := range v.Findings {
		fmt.Fprintf(&b, "  %d. %s: %s\n", i+1, f.Name, f.State)
		for _, e := range f.Evidence {
			fmt.Fprintf(&b, "       %s\n", e)
		}
	}
	if v.Incomplete != "" {
		fmt.Fprintf(&b, "  %s\n", v.Incomplete)
	}
	writeItems := func(label string, items []viewItem) {
		if len(items) == 0 {
			return
		}
		fmt.Fprintf(&b, "\n%s:\n", label)
		for _, it := range items {
			fmt.Fprintf(&b, "  - %s: %s\n", it.Name, it.State)
		}
	}
	writeItems(v.ChecklistLabel, v.Checklist)
	writeItems(v.RemovalLabel, v.Removal)
	if v.Redacted != "" {
		fmt.Fprintf(&b, "\n%s\n", v.Redacted)
	}
	return b.String()
}

// JSONReport is the JSON form: the status code, and the wizard state, whose
// findings use the same fields as `scan --json`.
type JSONReport struct {
	Schema      string    `json:"schema"`
	App         string    `json:"app"`
	Version     string    `json:"version"`
	GeneratedAt time.Time `json:"generatedAt"`
	Code        string    `json:"code"`
	Redacted    bool      `json:"redacted"`
	// FactsChecked is the day of the oldest dated fact the app states.
	FactsChecked string         `json:"factsChecked"`
	Checklist    []string       `json:"checklist"`
	State        progress.State `json:"state"`
}

// JSON renders the JSON report.
func JSON(in Input) ([]byte, error) {
	in.prepare()
	r := JSONReport{
		Schema: Schema, App: in.App, Version: in.Version, GeneratedAt: in.At.UTC().Truncate(time.Second),
		Code: Code(in.State, in.Version, in.GOOS), Redacted: !in.Full, Checklist: in.State.Checklist(), State: in.State,
		FactsChecked: FactsChecked(),
	}
	if r.Checklist == nil {
		r.Checklist = []string{}
	}
	out, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encoding the report: %w", err)
	}
	return append(out, '\n'), nil
}

// findingsHTML is the findings table of the HTML report and of the guide.
const findingsHTML = `{{define "findings"}}{{if .System}}<h2>{{.FoundLabel}} ({{.System}})</h2>{{end}}
{{if not .Findings}}{{if .System}}<p>{{.Nothing}}</p>{{end}}{{else}}
<table>
<tr><th>#</th><th>{{.ProductLabel}}</th><th>{{.StateLabel}}</th><th>{{.EvidenceLabel}}</th></tr>
{{range $i, $f := .Findings}}<tr><td>{{inc $i}}</td><td>{{$f.Name}}</td><td>{{$f.State}}</td><td class="evidence">{{range $f.Evidence}}{{.}}<br>{{end}}</td></tr>
{{end}}</table>{{end}}
{{if .Incomplete}}<p class="note">{{.Incomplete}}</p>{{end}}{{end}}`

// htmlFuncs are the functions the HTML pages use.
var htmlFuncs = template.FuncMap{"inc": func(i int) int { return i + 1 }}

var htmlPage = template.Must(template.Must(template.New("report").Funcs(htmlFuncs).Parse(findingsHTML)).Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.V.Title}}</title>
<style>
body { font-family: system-ui, "Segoe UI", Roboto, Arial, sans-serif; color: #1b1f24; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.15rem; margin-top: 1.6rem; border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; }
.made { color: #57606a; }
.code { font-family: ui-monospace, "Cascadia Mono", Consolas, monospace; font-size: 1.8rem; letter-spacing: .08em; background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; padding: .3rem .8rem; display: inline-block; }
.next { background: #ddf4ff; border-left: 4px solid #0969da; padding: .6rem .8rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid #d0d7de; }
td.evidence { font-family: ui-monospace, Consolas, monospace; font-size: .85rem; color: #424a53; }
.note { color: #57606a; font-size: .9rem; }
@media print { body { margin: 0; max-width: none; } .next { border-left-color: #000; background: none; } }
</style>
</head>
<body>
<h1>{{.V.Title}}</h1>
<p class="made">{{.V.Made}}</p>
<p>{{.V.CodeLabel}}: <span class="code">{{.V.Code}}</span></p>
<ul>{{range .V.Facts}}<li>{{.}}</li>{{end}}</ul>
<p class="next"><strong>{{.V.NextLabel}}:</strong> {{.V.Next}}</p>
{{template "findings" .V}}
{{if .V.Checklist}}<h2>{{.V.ChecklistLabel}}</h2>
<ul>{{range .V.Checklist}}<li>{{.Name}}: {{.State}}</li>{{end}}</ul>{{end}}
{{if .V.Removal}}<h2>{{.V.RemovalLabel}}</h2>
<ul>{{range .V.Removal}}<li>{{.Name}}: {{.State}}</li>{{end}}</ul>{{end}}
{{if .V.Redacted}}<p class="note">{{.V.Redacted}}</p>{{end}}
</body>
</html>
`))

// HTML renders one printable page with no outside resources.
func HTML(in Input) ([]byte, error) {
	in.prepare()
	var b bytes.Buffer
	lang := in.T("report.lang", "en", nil)
	if err := htmlPage.Execute(&b, map[string]any{"V": build(in), "Lang": lang}); err != nil {
		return nil, fmt.Errorf("rendering the report: %w", err)
	}
	return b.Bytes(), nil
}

// English renders the fallback template with data: the translator of
// reports and command lines made without translations, and of tests.
func English(_ string, fallback string, data map[string]any) string {
	if data == nil || !strings.Contains(fallback, "{{") {
		return fallback
	}
	tpl, err := texttemplate.New("").Option("missingkey=zero").Parse(fallback)
	if err != nil {
		return fallback
	}
	var b strings.Builder
	if err := tpl.Execute(&b, data); err != nil {
		return fallback
	}
	return b.String()
}
