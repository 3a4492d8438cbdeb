package report

import (
	"bytes"
	"fmt"
	"html/template"

	"transitionhelper/app/progress"
)

// GuideStep is one of the seven steps told on paper.
type GuideStep struct {
	Number     int
	Name, What string
}

// GuideSteps are the seven steps of the app as sentences to follow
// without it, in the user's language.
func GuideSteps(t Translator) []GuideStep {
	english := [...]string{
		"The scan is done: what was found on this computer is listed below. If Kaspersky is there, it gets no updates in the U.S. since September 29, 2024: home users who keep it face no penalty, but it misses every new threat.",
		"Read the list below with the person helping you: each Kaspersky product, and whether it is running or only installed.",
		"Before removing Kaspersky, save what you would lose: export the passwords of Kaspersky Password Manager to a file (Settings → Import/Export) and keep that file until your new password manager has imported it, then delete it; write down your license details, look at the quarantine, and note your VPN subscription and Safe Kids rules.",
		"Remove each Kaspersky product with its own uninstaller: on Windows in Settings → Apps → Installed apps; on a Mac with Kaspersky's own uninstaller or its removal tool. If it asks for a Kaspersky password, you need that password. Restart the computer when it asks.",
		"Choose one security program. Windows has Microsoft Defender built in, free, and it switches itself back on once Kaspersky is gone; every Mac has Apple's XProtect built in.",
		"Check that the new protection is on: on Windows, open Start → Windows Security → Virus & threat protection. Keep only one program that scans all the time.",
		"Keep this page: its status code tells support staff where you are.",
	}
	steps := make([]GuideStep, 0, len(progress.Steps))
	for i, s := range progress.Steps {
		key, name := s.Name()
		steps = append(steps, GuideStep{Number: int(s), Name: t(key, name, nil),
			What: t(fmt.Sprintf("guide.step%d", int(s)), english[i], nil)})
	}
	return steps
}

var guidePage = template.Must(template.Must(template.New("guide").Funcs(htmlFuncs).Parse(findingsHTML)).Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body { font-family: system-ui, "Segoe UI", Roboto, Arial, sans-serif; color: #1b1f24; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; font-size: 1.05rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.15rem; margin-top: 1.6rem; border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; }
.why { background: #fff8c5; border-left: 4px solid #9a6700; padding: .6rem .8rem; }
.made { color: #57606a; }
ol.steps li { margin-bottom: .7rem; }
.code { font-family: ui-monospace, "Cascadia Mono", Consolas, monospace; font-size: 1.6rem; letter-spacing: .08em; background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; padding: .2rem .7rem; display: inline-block; }
.next { background: #ddf4ff; border-left: 4px solid #0969da; padding: .6rem .8rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid #d0d7de; }
td.evidence { font-family: ui-monospace, Consolas, monospace; font-size: .85rem; color: #424a53; }
.note { color: #57606a; font-size: .9rem; }
@media print { body { margin: 0; max-width: none; } .why, .next { background: none; } }
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<p class="why">{{.Why}}</p>
<p class="made">{{.V.Made}}</p>
<h2>{{.StepsLabel}}</h2>
<ol class="steps">{{range .Steps}}<li><strong>{{.Name}}.</strong> {{.What}}</li>{{end}}</ol>
<h2>{{.V.CodeLabel}}</h2>
<p><span class="code">{{.V.Code}}</span></p>
<ul>{{range .V.Facts}}<li>{{.}}</li>{{end}}</ul>
<p class="next"><strong>{{.V.NextLabel}}:</strong> {{.V.Next}}</p>
{{template "findings" .V}}
{{if .V.Redacted}}<p class="note">{{.V.Redacted}}</p>{{end}}
</body>
</html>
`))

// Guide renders the text guide: the seven steps as sentences and this
// computer's findings, one printable HTML page with no outside resources,
// for when the app's window cannot open. why says what went wrong.
func Guide(in Input, why string) ([]byte, error) {
	in.prepare()
	var b bytes.Buffer
	err := guidePage.Execute(&b, map[string]any{
		"V": build(in), "Lang": in.T("report.lang", "en", nil), "Why": why,
		"Title":      in.T("guide.title", "Kaspersky Transition Helper: the guide", nil),
		"StepsLabel": in.T("guide.steps", "The seven steps", nil),
		"Steps":      GuideSteps(in.T),
	})
	if err != nil {
		return nil, fmt.Errorf("rendering the guide: %w", err)
	}
	return b.Bytes(), nil
}
