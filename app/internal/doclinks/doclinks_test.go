package doclinks

import (
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"
)

// TestEveryLinkResolves reads README.md and every Markdown file under docs/
// and fails on each link that does not resolve.
func TestEveryLinkResolves(t *testing.T) {
	root := repoRoot(t)
	fsys := os.DirFS(root)
	files := markdownFiles(t, fsys)
	if !slices.Contains(files, "README.md") || len(files) < 2 {
		t.Fatalf("found %q: want README.md and the docs", files)
	}
	links := 0
	for _, file := range files {
		problems, n := check(fsys, file)
		links += n
		for _, p := range problems {
			t.Error(p)
		}
	}
	t.Logf("%d links in %d files", links, len(files))
}

// TestCheckCatchesBrokenLinks: the checker itself, on a made-up tree, finds
// each kind of broken link and passes the good ones.
func TestCheckCatchesBrokenLinks(t *testing.T) {
	fsys := fstest.MapFS{
		"README.md": {Data: []byte("# Title\n\n" +
			"[guide](docs/guide.md) [anchor](docs/guide.md#how-long-make-test-takes) [self](#title)\n" +
			"[missing](docs/nothere.md)\n" +
			"[bad anchor](docs/guide.md#no-such-heading)\n" +
			"[plain http](http://example.com/)\n" +
			"[ftp](ftp://example.com/)\n" +
			"[secure](https://example.com/page)\n" +
			"[dir](docs/) [file with anchor](tool.sh#L3)\n" +
			"[outside](../elsewhere.md)\n" +
			"<http://example.org/auto> and a bare http://example.net/x in text\n" +
			"`[not a link](nowhere.md)` and ``http://in.code``\n" +
			"[ref]\n\n[ref]: docs/absent.md\n" +
			"```\n[in a fence](nowhere.md) http://fenced.example\n```\n")},
		"docs/guide.md": {Data: []byte("# Guide\n\n## How long `make test` takes\n\n" +
			"Setext heading\n---\n\n[up](../README.md#title) [setext](#setext-heading) [self bad](#nope)\n")},
		"tool.sh": {Data: []byte("#!/bin/sh\n")},
	}
	got, _ := check(fsys, "README.md")
	want := []string{
		"README.md:4: docs/nothere.md: no such file",
		"README.md:5: docs/guide.md#no-such-heading: no heading with that anchor",
		"README.md:6: http://example.com/: not https",
		"README.md:7: ftp://example.com/: not https",
		"README.md:10: ../elsewhere.md: outside the repository",
		"README.md:11: http://example.org/auto: not https",
		"README.md:11: http://example.net/x: not https",
		"README.md:15: docs/absent.md: no such file",
	}
	if !slices.Equal(got, want) {
		t.Errorf("README.md:\n got %q\nwant %q", got, want)
	}
	got, _ = check(fsys, "docs/guide.md")
	want = []string{"docs/guide.md:8: #nope: no heading with that anchor"}
	if !slices.Equal(got, want) {
		t.Errorf("docs/guide.md:\n got %q\nwant %q", got, want)
	}
}

// TestSlug: GitHub's anchors for headings of this repository's kind.
func TestSlug(t *testing.T) {
	for heading, want := range map[string]string{
		"How long `make test` takes":                                                                           "how-long-make-test-takes",
		"CI on real machines: what runs here, what would run there":                                            "ci-on-real-machines-what-runs-here-what-would-run-there",
		"`doctor --json` format (schema `transitionhelper.doctor/1`)":                                          "doctor---json-format-schema-transitionhelperdoctor1",
		"Import rules (a test: `app/internal/deptest`)":                                                        "import-rules-a-test-appinternaldeptest",
		"Windows 11 (a real PC, not a virtual machine; a standard user account with an administrator to hand)": "windows-11-a-real-pc-not-a-virtual-machine-a-standard-user-account-with-an-administrator-to-hand",
		"Re-checked on 2026-12-06 (issue 27)":                                                                  "re-checked-on-2026-12-06-issue-27",
		"**Bold** and _emphasis_ and `snake_case`":                                                             "bold-and-emphasis-and-snake_case",
		"A [link](x.md) in a heading":                                                                          "a-link-in-a-heading",
		"Español → English":                                                                                    "español--english",
	} {
		if got := slug(heading); got != want {
			t.Errorf("slug(%q) = %q, want %q", heading, got, want)
		}
	}
}

// repoRoot is the folder of go.mod above this package.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test")
		}
		dir = parent
	}
}

// markdownFiles is README.md and every .md file under docs/, sorted.
func markdownFiles(t *testing.T, fsys fs.FS) []string {
	t.Helper()
	files := []string{"README.md"}
	err := fs.WalkDir(fsys, "docs", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(files)
	return files
}

var (
	fenceRe    = regexp.MustCompile("^ {0,3}(```+|~~~+)")
	atxRe      = regexp.MustCompile(`^ {0,3}#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$`)
	setextRe   = regexp.MustCompile(`^ {0,3}(=+|-+)\s*$`)
	codeSpanRe = regexp.MustCompile("(`+)(.+?)(`+)")
	inlineRe   = regexp.MustCompile(`!?\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*(<[^>]*>|[^)\s]*)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)`)
	autoRe     = regexp.MustCompile(`<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*)>`)
	bareRe     = regexp.MustCompile(`\b(?:https?|ftp)://[^\s<>()]+`)
	refDefRe   = regexp.MustCompile(`^ {0,3}\[([^\]]+)\]:\s*(<[^>]*>|\S+)`)
	htmlIDRe   = regexp.MustCompile(`<a\s+(?:name|id)="([^"]+)"`)
	schemeRe   = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*:`)
	lineFragRe = regexp.MustCompile(`^L\d+(-L\d+)?$`)
)

// line is one line of a Markdown file outside fenced code, with its code
// spans blanked out (what is in backticks is never a link).
type line struct {
	n    int
	text string // as written
	bare string // code spans replaced by spaces
}

// prose is the file's lines outside fenced code blocks.
func prose(src string) []line {
	var out []line
	fence := ""
	for i, l := range strings.Split(src, "\n") {
		if m := fenceRe.FindStringSubmatch(l); m != nil {
			switch {
			case fence == "":
				fence = m[1]
				continue
			case m[1][0] == fence[0] && len(m[1]) >= len(fence):
				fence = ""
				continue
			}
		}
		if fence != "" {
			continue
		}
		bare := codeSpanRe.ReplaceAllStringFunc(l, func(s string) string { return strings.Repeat(" ", len(s)) })
		out = append(out, line{n: i + 1, text: l, bare: bare})
	}
	return out
}

// anchors is every heading's slug in a Markdown file (GitHub numbers
// repeats: x, x-1, x-2), and every <a name|id="...">.
func anchors(src string) map[string]bool {
	seen := map[string]int{}
	out := map[string]bool{}
	add := func(heading string) {
		s := slug(heading)
		if n, ok := seen[s]; ok {
			seen[s] = n + 1
			s = fmt.Sprintf("%s-%d", s, n+1)
		} else {
			seen[s] = 0
		}
		out[s] = true
	}
	lines := prose(src)
	for i, l := range lines {
		if m := atxRe.FindStringSubmatch(l.text); m != nil {
			add(m[1])
			continue
		}
		// A setext underline under a paragraph's line (not a table's rule,
		// not a list item, not a blank).
		if m := setextRe.FindStringSubmatch(l.text); m != nil && i > 0 && lines[i-1].n == l.n-1 {
			prev := strings.TrimSpace(lines[i-1].text)
			if prev != "" && !strings.HasPrefix(prev, "|") && !strings.HasPrefix(prev, "- ") && !strings.HasPrefix(prev, "* ") && atxRe.FindString(prev) == "" {
				add(prev)
			}
		}
		for _, m := range htmlIDRe.FindAllStringSubmatch(l.text, -1) {
			out[m[1]] = true
		}
	}
	return out
}

var (
	headingLinkRe = regexp.MustCompile(`!?\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\([^)]*\)`)
	emphasisRe    = regexp.MustCompile(`(^|\W)_+|_+(\W|$)`)
)

// slug is GitHub's anchor for a heading: the text as shown (links give
// their text, code its content, emphasis marks go), lower case, every
// character but letters, digits, marks, spaces, hyphens and underscores
// dropped, each space a hyphen.
func slug(heading string) string {
	heading = headingLinkRe.ReplaceAllString(heading, "$1")
	var b strings.Builder
	// Outside code spans, emphasis underscores go; inside, all is kept.
	rest := heading
	for rest != "" {
		loc := codeSpanRe.FindStringSubmatchIndex(rest)
		if loc == nil {
			b.WriteString(emphasisRe.ReplaceAllString(rest, "$1$2"))
			break
		}
		b.WriteString(emphasisRe.ReplaceAllString(rest[:loc[0]], "$1$2"))
		b.WriteString(rest[loc[4]:loc[5]])
		rest = rest[loc[1]:]
	}
	var s strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(b.String())) {
		switch {
		case r == ' ':
			s.WriteRune('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r):
			s.WriteRune(r)
		}
	}
	return s.String()
}

// link is one link found in a file.
type link struct {
	line   int
	target string
}

// links is every link of a Markdown file: inline links and images,
// autolinks, bare web addresses and reference definitions, outside code.
func links(src string) []link {
	var out []link
	for _, l := range prose(src) {
		rest := l.bare
		if m := refDefRe.FindStringSubmatch(rest); m != nil {
			out = append(out, link{l.n, strings.Trim(m[2], "<>")})
			continue
		}
		for _, m := range inlineRe.FindAllStringSubmatch(rest, -1) {
			out = append(out, link{l.n, strings.Trim(m[2], "<>")})
		}
		rest = inlineRe.ReplaceAllStringFunc(rest, func(s string) string { return strings.Repeat(" ", len(s)) })
		for _, m := range autoRe.FindAllStringSubmatch(rest, -1) {
			out = append(out, link{l.n, m[1]})
		}
		rest = autoRe.ReplaceAllStringFunc(rest, func(s string) string { return strings.Repeat(" ", len(s)) })
		for _, m := range bareRe.FindAllString(rest, -1) {
			out = append(out, link{l.n, strings.TrimRight(m, ".,;:!?'\"*_")})
		}
	}
	return out
}

// check returns one line per link of file that does not resolve, and how
// many links the file has.
func check(fsys fs.FS, file string) ([]string, int) {
	data, err := fs.ReadFile(fsys, file)
	if err != nil {
		return []string{fmt.Sprintf("%s: %v", file, err)}, 0
	}
	var problems []string
	bad := func(l link, why string) {
		problems = append(problems, fmt.Sprintf("%s:%d: %s: %s", file, l.line, l.target, why))
	}
	ls := links(string(data))
	for _, l := range ls {
		if l.target == "" {
			bad(l, "empty link")
			continue
		}
		if schemeRe.MatchString(l.target) {
			u, err := url.Parse(l.target)
			switch {
			case err != nil:
				bad(l, err.Error())
			case u.Scheme != "https":
				bad(l, "not https")
			case u.Host == "":
				bad(l, "no host")
			}
			continue
		}
		target, frag, _ := strings.Cut(l.target, "#")
		target, _, _ = strings.Cut(target, "?")
		if target != "" {
			p, err := url.PathUnescape(target)
			if err != nil {
				bad(l, err.Error())
				continue
			}
			if strings.HasPrefix(p, "/") {
				p = path.Clean(strings.TrimPrefix(p, "/"))
			} else {
				p = path.Join(path.Dir(file), p)
			}
			if p == ".." || strings.HasPrefix(p, "../") {
				bad(l, "outside the repository")
				continue
			}
			if _, err := fs.Stat(fsys, p); err != nil {
				bad(l, "no such file")
				continue
			}
			target = p
		} else {
			target = file
		}
		if frag == "" {
			continue
		}
		if !strings.HasSuffix(target, ".md") {
			if !lineFragRe.MatchString(frag) {
				bad(l, "an anchor in a file that has no headings")
			}
			continue
		}
		md, err := fs.ReadFile(fsys, target)
		if err != nil {
			bad(l, err.Error())
			continue
		}
		if f, err := url.PathUnescape(frag); err != nil || !anchors(string(md))[strings.ToLower(f)] {
			bad(l, "no heading with that anchor")
		}
	}
	return problems, len(ls)
}
