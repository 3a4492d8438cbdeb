package main

import (
	"bytes"
	"debug/pe"
	"encoding/binary"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// samplePE is a real Windows executable with no load configuration: this
// test binary itself on Windows (and under Wine), else testdata/tiny built
// for Windows by Go's own linker.
func samplePE(t testing.TB) []byte {
	t.Helper()
	path, err := os.Executable()
	if runtime.GOOS != "windows" {
		gobin, lerr := exec.LookPath("go")
		if lerr != nil {
			t.Skip("needs the go command to build a Windows executable")
		}
		path = filepath.Join(t.TempDir(), "tiny.exe")
		cmd := exec.Command(gobin, "build", "-o", path, "./testdata/tiny")
		cmd.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0")
		if out, cerr := cmd.CombinedOutput(); cerr != nil {
			t.Fatalf("building testdata/tiny: %v\n%s", cerr, out)
		}
	} else if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func flagsOf(t *testing.T, b []byte) (uint16, error) {
	t.Helper()
	f, err := pe.NewFile(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("debug/pe cannot read it: %v", err)
	}
	return DependentLoadFlags(f)
}

func TestAddDependentLoadFlags(t *testing.T) {
	orig := samplePE(t)
	if _, err := flagsOf(t, orig); !errors.Is(err, ErrNoLoadCfg) {
		t.Fatalf("the sample already has a load configuration: %v", err)
	}
	out, err := AddDependentLoadFlags(orig, LoadLibrarySearchSystem32)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := flagsOf(t, out); err != nil || got != LoadLibrarySearchSystem32 {
		t.Fatalf("DependentLoadFlags %#x, %v", got, err)
	}
	f, _ := pe.NewFile(bytes.NewReader(out))
	last := f.Sections[len(f.Sections)-1]
	oh := f.OptionalHeader.(*pe.OptionalHeader64)
	if last.Name != sectionName || last.Characteristics != sectionCharacteristics ||
		oh.SizeOfImage < last.VirtualAddress+last.VirtualSize || oh.SizeOfImage%oh.SectionAlignment != 0 ||
		oh.DataDirectory[dirLoadConfig].Size != loadConfigSize {
		t.Errorf("section %+v, SizeOfImage %#x, directory %+v", last.SectionHeader, oh.SizeOfImage, oh.DataDirectory[dirLoadConfig])
	}
	if !bytes.Equal(out[:len(orig)-1][:0x3C], orig[:0x3C]) {
		t.Error("the DOS header changed")
	}
	// The checksum is the one CheckSumMappedFile gives: recomputing it over
	// the result leaves it unchanged.
	h, _ := readHeaders(out)
	again := bytes.Clone(out)
	setChecksum(again, h)
	if !bytes.Equal(again, out) || binary.LittleEndian.Uint32(out[h.opt+64:]) == 0 {
		t.Error("the checksum is not the file's")
	}
	// Twice: the flag is set in the existing configuration, no new section.
	twice, err := AddDependentLoadFlags(out, 0x1800)
	if err != nil {
		t.Fatal(err)
	}
	if len(twice) != len(out) {
		t.Errorf("a second section was added: %d → %d bytes", len(out), len(twice))
	}
	if got, _ := flagsOf(t, twice); got != 0x1800 {
		t.Errorf("the second run set %#x", got)
	}
}

func TestAddDependentLoadFlagsRefuses(t *testing.T) {
	orig := samplePE(t)
	h, err := readHeaders(orig)
	if err != nil {
		t.Fatal(err)
	}
	signed := bytes.Clone(orig)
	binary.LittleEndian.PutUint32(signed[h.dataDirectory(dirSecurity):], uint32(len(orig)))
	binary.LittleEndian.PutUint32(signed[h.dataDirectory(dirSecurity)+4:], 8)
	if _, err := AddDependentLoadFlags(signed, LoadLibrarySearchSystem32); !errors.Is(err, ErrSigned) {
		t.Errorf("a signed exe: %v", err)
	}
	full := bytes.Clone(orig)
	binary.LittleEndian.PutUint32(full[h.opt+60:], uint32(h.sections+h.nsections*sectionHeaderSize+10)) // SizeOfHeaders
	if _, err := AddDependentLoadFlags(full, LoadLibrarySearchSystem32); !errors.Is(err, ErrNoRoom) {
		t.Errorf("no room in the headers: %v", err)
	}
	for _, bad := range [][]byte{nil, []byte("MZ"), append([]byte("MZ"), make([]byte, 200)...), []byte("\x7fELF")} {
		if _, err := AddDependentLoadFlags(bad, LoadLibrarySearchSystem32); !errors.Is(err, ErrNotPE64) {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

// TestPackagedExe reads the PE headers of the exe make package-windows made
// (TH_PACKAGED_EXE, set by .ci/check-packages): its load configuration
// carries DependentLoadFlags = LOAD_LIBRARY_SEARCH_SYSTEM32, and it is
// signed after that (the Security directory is set).
func TestPackagedExe(t *testing.T) {
	path := os.Getenv("TH_PACKAGED_EXE")
	if path == "" {
		t.Skip("set TH_PACKAGED_EXE to the packaged exe (.ci/check-packages does)")
	}
	f, err := pe.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	flags, err := DependentLoadFlags(f)
	if err != nil || flags != LoadLibrarySearchSystem32 {
		t.Fatalf("DependentLoadFlags %#x, %v; want %#x", flags, err, LoadLibrarySearchSystem32)
	}
	if sec := f.OptionalHeader.(*pe.OptionalHeader64).DataDirectory[dirSecurity]; sec.Size == 0 {
		t.Error("the packaged exe is not signed")
	}
	t.Logf("%s: DependentLoadFlags %#x, signed", path, flags)
}

func FuzzAddDependentLoadFlags(f *testing.F) {
	f.Add([]byte("MZ"))
	sample := samplePE(f)
	f.Add(sample)
	if out, err := AddDependentLoadFlags(sample, LoadLibrarySearchSystem32); err == nil {
		f.Add(out)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		out, err := AddDependentLoadFlags(b, LoadLibrarySearchSystem32)
		if err == nil && len(out) < len(b) {
			t.Fatal("the result lost bytes")
		}
	})
}
