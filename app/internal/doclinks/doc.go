// Package doclinks holds one test: every link in README.md and in the
// Markdown files under docs/ resolves. A relative link must point at a file
// or folder of the repository, and its #anchor, when it has one, at a
// heading of the Markdown file it names (GitHub's slug of the heading); an
// absolute link must be https. Nothing is fetched: the test reads only the
// working tree.
//
//	go test ./app/internal/doclinks/
package doclinks
