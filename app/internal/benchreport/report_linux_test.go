//go:build linux

package main

import (
	"debug/buildinfo"
	"runtime/debug"
	"slices"
	"testing"
)

func TestParseBench(t *testing.T) {
	out := `goos: linux
pkg: transitionhelper/platform
BenchmarkProcesses/probe/20-2         	     350	   3280000 ns/op
BenchmarkProcesses/floor/20-2         	     400	   2130000.5 ns/op	   12 B/op
BenchmarkProcesses/probe/200          	      10	 100 ns/op
BenchmarkFullScan/ps/20-2             	--- SKIP: ps (procps) is not installed
PASS
`
	res := parseBench(out)
	for _, c := range []struct {
		name string
		want float64
		ok   bool
	}{
		{"BenchmarkProcesses/probe/20", 3280000, true},
		{"BenchmarkProcesses/floor/20", 2130000.5, true},
		{"BenchmarkProcesses/probe/200", 100, true}, // GOMAXPROCS=1: no suffix
		{"BenchmarkProcesses/probe/2", 0, false},    // not a prefix of probe/20
		{"BenchmarkFullScan/ps/20", 0, false},
	} {
		got, ok := res.lookup(c.name)
		if got != c.want || ok != c.ok {
			t.Errorf("lookup(%q) = %v, %v; want %v, %v", c.name, got, ok, c.want, c.ok)
		}
	}
}

func TestBuildOf(t *testing.T) {
	b := buildOf(&buildinfo.BuildInfo{Settings: []debug.BuildSetting{
		{Key: "-tags", Value: "migrated_fynedo,devhooks"},
		{Key: "-ldflags", Value: "-X main.version=1.0.0"},
		{Key: "CGO_ENABLED", Value: "1"},
	}})
	if !slices.Equal(b.tags, []string{"migrated_fynedo"}) || b.devTags != "migrated_fynedo,devhooks" ||
		b.ldflags != "-X main.version=1.0.0" || b.trimpath {
		t.Errorf("buildOf = %+v", b)
	}
	if got, want := flags("migrated_fynedo", "-s -w", false), "`-tags migrated_fynedo -ldflags \"-s -w\"`"; got != want {
		t.Errorf("flags = %s, want %s", got, want)
	}
}

func TestBenchMetric(t *testing.T) {
	out := "goos: windows\nBenchmarkRootCertificates-2   \t      20\t  35123456 ns/op\t       149.0 certificates\nPASS\n"
	if v, ok := benchMetric(out, "BenchmarkRootCertificates", "ns/op"); !ok || v != 35123456 {
		t.Errorf("ns/op = %v, %v", v, ok)
	}
	if v, ok := benchMetric(out, "BenchmarkRootCertificates", "certificates"); !ok || v != 149 {
		t.Errorf("certificates = %v, %v", v, ok)
	}
	if _, ok := benchMetric(out, "BenchmarkRoot", "ns/op"); ok {
		t.Error("a prefix of the name matched")
	}
}
