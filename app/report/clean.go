package report

import (
	"strings"
	"unicode"
)

// Clean makes a text from the computer (a registry name, a path, an error)
// safe to print as plain text: control characters (escape sequences that
// would steer a terminal, carriage returns that would overwrite a line) and
// the Unicode formatting characters that reorder or hide text (bidi
// overrides and isolates, zero-width characters) are dropped; tabs and
// newlines become spaces.
func Clean(s string) string {
	clean := true
	for _, r := range s {
		if dropped(r) || r == '\t' || r == '\n' {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n':
			b.WriteByte(' ')
		case dropped(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// dropped: C0 and C1 controls, DEL, invalid UTF-8 and the format
// characters (Unicode category Cf: U+200B–U+200F, U+202A–U+202E,
// U+2066–U+2069, U+FEFF, …).
func dropped(r rune) bool {
	return r == unicode.ReplacementChar || unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
}
