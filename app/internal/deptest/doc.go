// Package deptest holds the import rules of the house as a test (in the
// spirit of tailscale's deptest): which package may import which, read
// from the source of every file, whatever its build tags. It has no code.
package deptest
