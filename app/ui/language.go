package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"transitionhelper/assets"
)

// Translate is the translator the whole app uses: lang.X with template data.
// main hands it to the command line too.
func Translate(key, fallback string, data map[string]any) string {
	if data == nil {
		return lang.X(key, fallback)
	}
	return lang.X(key, fallback, data)
}

// languages the user can pick; "" follows the system.
var languages = []struct{ code, name string }{{"en", "English"}, {"es", "Español"}}

// currentLanguage is the language the app speaks: the one chosen, else the
// system's when it is one we have, else English.
func currentLanguage(chosen string) string {
	if languageName(chosen) != "" {
		return chosen
	}
	if sys := lang.SystemLocale().LanguageString(); len(sys) >= 2 && languageName(sys[:2]) != "" {
		return sys[:2]
	}
	return "en"
}

func currentLanguageName(chosen string) string { return languageName(currentLanguage(chosen)) }

func languageName(code string) string {
	for _, l := range languages {
		if l.code == code {
			return l.name
		}
	}
	return ""
}

func languageCode(name string) string {
	for _, l := range languages {
		if l.name == name {
			return l.code
		}
	}
	return ""
}

// applyLanguage makes the app speak code ("en", "es"), whatever the system
// locale: Fyne's lang picks a locale once from the system, so the chosen
// language's texts are registered under every locale it may pick. "" keeps
// the system's choice.
func applyLanguage(code string) {
	if code == "" {
		return
	}
	data, err := assets.Translations.ReadFile("translations/" + code + ".json")
	if err != nil {
		fyne.LogError("reading translations for "+code, err)
		return
	}
	for _, l := range languages {
		if err := lang.AddTranslationsForLocale(data, fyne.Locale(l.code)); err != nil {
			fyne.LogError("loading translations for "+code, err)
			return
		}
	}
}
