package deptest

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// maxLines is the most a hand-written Go file may hold: beyond it a reader
// cannot hold the file, and it has always been two flows in one.
const maxLines = 450

// generated is the line Go's tools write at the top of a generated file
// (https://go.dev/s/generatedcode).
var generated = regexp.MustCompile(`^// Code generated .* DO NOT EDIT\.$`)

// TestFilesAReaderCanHold: no hand-written Go file (tests included) is over
// maxLines lines; a generated one (mkwinsyscall's zsyscall files) may be.
func TestFilesAReaderCanHold(t *testing.T) {
	root, files := goFiles(t)
	checked := 0
	for _, path := range files {
		n, gen, err := countLines(path)
		if err != nil {
			t.Fatal(err)
		}
		checked++
		if !gen && n > maxLines {
			rel, _ := filepath.Rel(root, path)
			t.Errorf("%s has %d lines, more than %d: split it along its flows", rel, n, maxLines)
		}
	}
	if checked < 100 {
		t.Fatalf("only %d Go files found under %s: the walk is wrong", checked, root)
	}
}

// countLines counts a file's lines and says whether it is generated (the
// marker may stand on any line before the package clause).
func countLines(path string) (int, bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, false, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	n, gen, header := 0, false, true
	for sc.Scan() {
		n++
		line := sc.Text()
		if header && generated.MatchString(line) {
			gen = true
		}
		if strings.HasPrefix(line, "package ") {
			header = false
		}
	}
	return n, gen, sc.Err()
}
