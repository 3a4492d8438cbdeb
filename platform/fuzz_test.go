package platform

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

// Seeds for these targets are in testdata/fuzz/<name>; go test runs them
// every time, go test -fuzz explores from them.

func FuzzParseRPMList(f *testing.F) {
	f.Add([]byte("kesl\t12.0.0-6672\tAO Kaspersky Lab\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		progs := ParseRPMList(data)
		if lines := bytes.Count(data, []byte("\n")) + 1; len(progs) > lines {
			t.Fatalf("%d programs from %d lines", len(progs), lines)
		}
		for _, p := range progs {
			if p.Name == "" || p.Name != strings.TrimSpace(p.Name) || strings.ContainsAny(p.Name, "\t\n") {
				t.Fatalf("name %q", p.Name)
			}
			if strings.ContainsAny(p.Version+p.Publisher, "\t\n") || p.Publisher == "(none)" {
				t.Fatalf("version %q, publisher %q", p.Version, p.Publisher)
			}
			if p.Source != SourceRPM || p.Where == "" {
				t.Fatalf("program %+v", p)
			}
		}
	})
}

func FuzzDecodeProductState(f *testing.F) {
	f.Add(uint32(0x61100))
	known := []string{ProtectionOn, ProtectionOff, ProtectionSnoozed, ProtectionExpired, ProtectionUnknown}
	f.Fuzz(func(t *testing.T, state uint32) {
		s := DecodeProductState(state)
		if !slices.Contains(known, s.Protection) {
			t.Fatalf("0x%X: protection %q", state, s.Protection)
		}
		if s.SignaturesUpToDate != (state&0x00F0 == 0) || s.Microsoft != (state&0x0F00 == 0x0100) {
			t.Fatalf("0x%X: %+v", state, s)
		}
		// Only the documented bit fields count: the low nibble and the
		// bits above 0xFFFF (product type flags) never change the answer.
		if DecodeProductState(state&0xFFF0) != s {
			t.Fatalf("0x%X decodes differently from 0x%X", state, state&0xFFF0)
		}
		if str := s.String(); !strings.HasPrefix(str, s.Protection+", ") {
			t.Fatalf("0x%X: %q", state, str)
		}
	})
}

func TestDecodeProductStateRealValues(t *testing.T) {
	for state, want := range map[uint32]AVState{
		397568:  {ProtectionOn, true, true},       // 0x61100 Microsoft Defender, on
		393472:  {ProtectionOff, true, true},      // 0x60100 Defender, off (another product is on)
		266240:  {ProtectionOn, true, false},      // 0x41000 a third-party antivirus, on
		266256:  {ProtectionOn, false, false},     // 0x41010 on, signatures out of date
		262144:  {ProtectionOff, true, false},     // 0x40000 off
		270336:  {ProtectionSnoozed, true, false}, // 0x42000
		274432:  {ProtectionExpired, true, false}, // 0x43000
		0x4F000: {ProtectionUnknown, true, false},
	} {
		if got := DecodeProductState(state); got != want {
			t.Errorf("%d (0x%X): %+v, want %+v", state, state, got, want)
		}
	}
}
