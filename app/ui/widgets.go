package ui

import (
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
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
