package platform

import (
	"errors"
	"strings"
)

// ErrEmptyCommand is returned for a command line with no program in it.
var ErrEmptyCommand = errors.New("empty command line")

// SplitCommandLine splits a Windows command line (an UninstallString) into
// program and arguments by the rules of CommandLineToArgvW, which
// windows.DecomposeCommandLine calls: the program name ends at the next
// quote if it starts with one, else at the first space or tab; then spaces
// separate arguments, quotes group them, 2n backslashes before a quote give
// n backslashes and a quote that groups, 2n+1 give n and a literal quote,
// and "" inside quotes is a literal quote. It is written in Go so it can be
// fuzzed on any system; on Windows a test checks it against the real call.
// No shell is involved, and nothing is expanded.
func SplitCommandLine(s string) ([]string, error) {
	if strings.ContainsRune(s, 0) {
		return nil, errors.New("command line contains NUL")
	}
	if strings.TrimLeft(s, " \t") == "" {
		return nil, ErrEmptyCommand
	}
	var args []string
	// The program name.
	i := 0
	if s[0] == '"' {
		end := strings.IndexByte(s[1:], '"')
		if end < 0 {
			args = append(args, s[1:])
			return args, nil
		}
		args = append(args, s[1:1+end])
		i = 2 + end
	} else {
		end := strings.IndexAny(s, " \t")
		if end < 0 {
			return []string{s}, nil
		}
		args = append(args, s[:end])
		i = end
	}
	// The arguments.
	var cur strings.Builder
	inArg, quoted := false, false
	for i < len(s) {
		c := s[i]
		switch {
		case (c == ' ' || c == '\t') && !quoted:
			if inArg {
				args = append(args, cur.String())
				cur.Reset()
				inArg = false
			}
			i++
		case c == '\\':
			n := 0
			for i < len(s) && s[i] == '\\' {
				n++
				i++
			}
			inArg = true
			if i < len(s) && s[i] == '"' {
				cur.WriteString(strings.Repeat(`\`, n/2))
				if n%2 == 1 {
					cur.WriteByte('"')
					i++
				}
			} else {
				cur.WriteString(strings.Repeat(`\`, n))
			}
		case c == '"':
			inArg = true
			i++
			if quoted && i < len(s) && s[i] == '"' {
				// "" inside quotes: a literal quote; the quoting goes on.
				cur.WriteByte('"')
				i++
				continue
			}
			quoted = !quoted
		default:
			inArg = true
			cur.WriteByte(c)
			i++
		}
	}
	if inArg {
		args = append(args, cur.String())
	}
	return args, nil
}
