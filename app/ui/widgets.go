package ui

import (
	"net/url"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"transitionhelper/app/progress"
)

// httpsLink is a link to raw if it is an https address; nil otherwise.
func httpsLink(text, raw string) *widget.Hyperlink {
	link, err := url.Parse(raw)
	if err != nil || link.Scheme != "https" {
		return nil
	}
	h := widget.NewHyperlink(text, link)
	h.Wrapping = fyne.TextWrapWord
	return h
}

func paragraph(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}

func stepName(st progress.Step) string {
	key, english := st.Name()
	return lang.X(key, english)
}

// detailsExpander is the "Details" expander of technical lines for support
// staff: monospace, wrapped, closed at first.
func detailsExpander(lines []string) fyne.CanvasObject {
	details := widget.NewLabel(strings.Join(lines, "\n"))
	details.TextStyle = fyne.TextStyle{Monospace: true}
	details.Wrapping = fyne.TextWrapWord
	return newExpander(lang.X("ui.details", "Details"), details).Box
}

// sourceTitle is the title of the catalog's source id in the user's
// language (translations key "source.<id>"), or the catalog's own title.
func sourceTitle(id, fallback string) string {
	return lang.X("source."+id, fallback)
}

// checkedOn says on which day the facts beside it were read on their pages
// ("Checked on December 6, 2026"); day is YYYY-MM-DD.
func checkedOn(day string) *widget.Label {
	d, err := time.Parse("2006-01-02", day)
	if err != nil {
		return paragraph(lang.X("facts.not-checked", "Not yet checked on its page."))
	}
	l := paragraph(lang.X("facts.checked-on", "Checked on {{.Date}}.", map[string]any{"Date": longDate(d)}))
	l.SizeName = theme.SizeNameCaptionText
	return l
}
