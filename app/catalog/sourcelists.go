package catalog

// Sources that are lists of names (a vendor's list of its processes or
// services), and the signatures that cite one as confirmed or reported.

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// checkLists checks a source's list of names: a kind and names, or neither.
func checkLists(s *Source) error {
	if s.ListKind == "" && len(s.Lists) == 0 {
		return nil
	}
	if s.ListKind != KindProcess && s.ListKind != KindService {
		return fmt.Errorf("listKind %q is not process or service", s.ListKind)
	}
	if len(s.Lists) == 0 {
		return errors.New("listKind without lists")
	}
	seen := map[string]bool{}
	for _, n := range s.Lists {
		k := strings.ToLower(n)
		if n == "" || strings.TrimSpace(n) != n || strings.ContainsAny(n, "\t\n") {
			return fmt.Errorf("list name %q is empty or has surrounding spaces", n)
		}
		if seen[k] {
			return fmt.Errorf("list name %q is listed twice", n)
		}
		seen[k] = true
	}
	return nil
}

// CheckListed checks a confirmed or reported signature against the list of
// the source it cites, if that source is a list of names of its kind: the
// pattern must match a listed name, and in a pattern of alternatives
// ("^(a|b)\.exe$") every alternative must. A signature of another kind
// cannot cite a list as confirmed or reported.
func (c *Catalog) CheckListed(s *Signature) error {
	src := c.sources[s.Source]
	if src == nil || len(src.Lists) == 0 || s.Confidence == Unverified {
		return nil
	}
	if s.Kind != src.ListKind {
		return fmt.Errorf("%s signature %q is %s by %q, a list of %s names", s.Kind, s.Match, s.Confidence, src.ID, src.ListKind)
	}
	for _, alt := range alternatives(s.Match) {
		re, err := compileAnchored(alt, s.OS != OSLinux)
		if err != nil {
			return err
		}
		if !slices.ContainsFunc(src.Lists, re.MatchString) {
			return fmt.Errorf("%s: %q lists no name %s matches, yet it is %s", s.Match, src.ID, alt, s.Confidence)
		}
	}
	return nil
}

// alternatives splits "^(a|b)suffix$" into "^asuffix$" and "^bsuffix$"; any
// other pattern is returned as it is.
func alternatives(pattern string) []string {
	body := strings.TrimSuffix(strings.TrimPrefix(pattern, "^"), "$")
	if !strings.HasPrefix(body, "(") || strings.HasPrefix(body, "(?") {
		return []string{pattern}
	}
	depth, end := 0, -1
	var cuts []int
	for i := 0; i < len(body) && end < 0; i++ {
		switch body[i] {
		case '\\':
			i++
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				end = i
			}
		case '|':
			if depth == 1 {
				cuts = append(cuts, i)
			}
		}
	}
	suffix := body[end+1:]
	if end < 0 || len(cuts) == 0 || strings.HasPrefix(suffix, "?") || strings.HasPrefix(suffix, "*") || strings.HasPrefix(suffix, "+") || strings.HasPrefix(suffix, "{") {
		return []string{pattern}
	}
	var out []string
	start := 1
	for _, cut := range append(cuts, end) {
		out = append(out, "^"+body[start:cut]+suffix+"$")
		start = cut + 1
	}
	return out
}
