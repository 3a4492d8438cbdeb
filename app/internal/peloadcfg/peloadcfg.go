// Command peloadcfg gives a Windows executable a PE load configuration
// whose DependentLoadFlags is LOAD_LIBRARY_SEARCH_SYSTEM32 (0x800), so that
// Windows 10 1607 and later load the DLLs the exe imports at link time
// (opengl32.dll, for Fyne) from System32 only, never from the exe's own
// folder (Downloads, for the portable exe). The Makefile runs it after the
// link and before signing (make build-windows, make package-windows):
//
//	go run ./app/internal/peloadcfg FILE.exe        add the flag, in place
//	go run ./app/internal/peloadcfg -check FILE.exe say what the flag is; exit 1 unless 0x800
//
// Why a post-link step: GNU ld (binutils 2.40, what mingw-w64 links with on
// Debian 12) ignores a _load_config_used symbol and writes no load
// configuration directory; lld's --dependent-load-flag is newer than
// Debian 12's default lld 14, and a newer lld would replace the linker of
// the whole cgo link and still need a _load_config_used written in C. This
// step works on whatever the linker made. The exe gets one new read-only section holding an
// IMAGE_LOAD_CONFIG_DIRECTORY64 that is all zero but its Size and
// DependentLoadFlags (no security cookie, no Control Flow Guard: as before),
// and the load configuration directory entry pointing at it. An exe that
// has a load configuration already gets the flag set in it. A signed exe is
// refused: the signature would no longer match, so sign after.
package main

import (
	"bytes"
	"debug/pe"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"os"
)

// LoadLibrarySearchSystem32 is LOAD_LIBRARY_SEARCH_SYSTEM32.
const LoadLibrarySearchSystem32 = 0x800

// Offsets in IMAGE_LOAD_CONFIG_DIRECTORY64 and sizes.
const (
	dependentLoadFlagsOffset = 0x4E
	// loadConfigSize is the Windows 8.1 layout (up to GuardFlags), which
	// every Windows since reads; later fields are absent, hence unused.
	loadConfigSize    = 0x94
	sectionHeaderSize = 40
	sectionName       = ".ldcfg"
	// IMAGE_SCN_CNT_INITIALIZED_DATA | IMAGE_SCN_MEM_READ
	sectionCharacteristics = 0x40000040
)

// Errors of AddDependentLoadFlags and DependentLoadFlags.
var (
	ErrNotPE64   = errors.New("not a 64-bit PE executable")
	ErrSigned    = errors.New("the executable is signed: add the load configuration before signing")
	ErrNoRoom    = errors.New("no room for another section header")
	ErrNoLoadCfg = errors.New("the executable has no load configuration")
)

// headers are the offsets AddDependentLoadFlags patches.
type headers struct {
	coff, opt, sections int // file offsets of the COFF header, optional header, section table
	nsections           int
	sectionAlign        uint32
	fileAlign           uint32
	sizeOfHeaders       uint32
}

func readHeaders(b []byte) (headers, error) {
	var h headers
	if len(b) < 0x40 || b[0] != 'M' || b[1] != 'Z' {
		return h, ErrNotPE64
	}
	peOff := int(binary.LittleEndian.Uint32(b[0x3C:]))
	if peOff+24+240 > len(b) || !bytes.Equal(b[peOff:peOff+4], []byte("PE\x00\x00")) {
		return h, ErrNotPE64
	}
	h.coff = peOff + 4
	h.nsections = int(binary.LittleEndian.Uint16(b[h.coff+2:]))
	optSize := int(binary.LittleEndian.Uint16(b[h.coff+16:]))
	h.opt = h.coff + 20
	if binary.LittleEndian.Uint16(b[h.opt:]) != 0x20B || optSize < 112+16*8 ||
		binary.LittleEndian.Uint32(b[h.opt+108:]) < 16 {
		return h, ErrNotPE64
	}
	h.sections = h.opt + optSize
	h.sectionAlign = binary.LittleEndian.Uint32(b[h.opt+32:])
	h.fileAlign = binary.LittleEndian.Uint32(b[h.opt+36:])
	h.sizeOfHeaders = binary.LittleEndian.Uint32(b[h.opt+60:])
	if h.sectionAlign == 0 || h.fileAlign == 0 || h.sections+h.nsections*sectionHeaderSize > len(b) {
		return h, ErrNotPE64
	}
	return h, nil
}

// dataDirectory is the offset of data directory entry i.
func (h headers) dataDirectory(i int) int { return h.opt + 112 + 8*i }

const (
	dirSecurity   = 4
	dirLoadConfig = 10
)

func alignUp(v, a uint32) uint32 { return (v + a - 1) / a * a }

// AddDependentLoadFlags returns a copy of the executable b whose load
// configuration has DependentLoadFlags = flags: set in place when b has a
// load configuration that reaches the field, else in a new section.
func AddDependentLoadFlags(b []byte, flags uint16) ([]byte, error) {
	h, err := readHeaders(b)
	if err != nil {
		return nil, err
	}
	le := binary.LittleEndian
	if le.Uint32(b[h.dataDirectory(dirSecurity)+4:]) != 0 {
		return nil, ErrSigned
	}
	out := bytes.Clone(b)
	if rva := le.Uint32(b[h.dataDirectory(dirLoadConfig):]); rva != 0 {
		off, size, err := loadConfigAt(b, h, rva)
		if err != nil {
			return nil, err
		}
		if size < dependentLoadFlagsOffset+2 {
			return nil, fmt.Errorf("the load configuration (%d bytes) is too old to hold DependentLoadFlags", size)
		}
		le.PutUint16(out[off+dependentLoadFlagsOffset:], flags)
		setChecksum(out, h)
		return out, nil
	}
	// A new section header after the last one, inside the headers and
	// before any section's data, over bytes that are zero.
	hdr := h.sections + h.nsections*sectionHeaderSize
	if uint32(hdr+sectionHeaderSize) > h.sizeOfHeaders || hdr+sectionHeaderSize > len(b) {
		return nil, ErrNoRoom
	}
	var endVA, dataStart uint32 = 0, ^uint32(0)
	for i := range h.nsections {
		s := h.sections + i*sectionHeaderSize
		va, vsize := le.Uint32(b[s+12:]), le.Uint32(b[s+8:])
		endVA = max(endVA, va+max(vsize, le.Uint32(b[s+16:])))
		if raw, ptr := le.Uint32(b[s+16:]), le.Uint32(b[s+20:]); raw > 0 && ptr > 0 {
			dataStart = min(dataStart, ptr)
		}
	}
	if uint32(hdr+sectionHeaderSize) > dataStart || !allZero(b[hdr:hdr+sectionHeaderSize]) {
		return nil, ErrNoRoom
	}
	va := alignUp(endVA, h.sectionAlign)
	ptr := alignUp(uint32(len(b)), h.fileAlign)
	raw := alignUp(loadConfigSize, h.fileAlign)
	out = append(out, make([]byte, int(ptr)-len(b)+int(raw))...)
	cfg := out[ptr:]
	le.PutUint32(cfg[0:], loadConfigSize)
	le.PutUint16(cfg[dependentLoadFlagsOffset:], flags)

	s := out[hdr:]
	copy(s[0:8], sectionName)
	le.PutUint32(s[8:], loadConfigSize) // VirtualSize
	le.PutUint32(s[12:], va)
	le.PutUint32(s[16:], raw)
	le.PutUint32(s[20:], ptr)
	le.PutUint32(s[36:], sectionCharacteristics)
	le.PutUint16(out[h.coff+2:], uint16(h.nsections+1))
	le.PutUint32(out[h.opt+8:], le.Uint32(out[h.opt+8:])+raw) // SizeOfInitializedData
	le.PutUint32(out[h.opt+56:], alignUp(va+loadConfigSize, h.sectionAlign))
	le.PutUint32(out[h.dataDirectory(dirLoadConfig):], va)
	le.PutUint32(out[h.dataDirectory(dirLoadConfig)+4:], loadConfigSize)
	setChecksum(out, h)
	return out, nil
}

func allZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}

// loadConfigAt finds the file offset of the load configuration at rva and
// its Size field, bounded by its section's data.
func loadConfigAt(b []byte, h headers, rva uint32) (off int, size uint32, err error) {
	le := binary.LittleEndian
	for i := range h.nsections {
		s := h.sections + i*sectionHeaderSize
		va, raw, ptr := le.Uint32(b[s+12:]), le.Uint32(b[s+16:]), le.Uint32(b[s+20:])
		if rva >= va && uint64(rva)+4 <= uint64(va)+uint64(raw) {
			o := uint64(ptr) + uint64(rva-va)
			if o+4 > uint64(len(b)) {
				return 0, 0, fmt.Errorf("the load configuration lies past the end of the file")
			}
			off = int(o)
			size = le.Uint32(b[off:])
			if o+uint64(size) > uint64(len(b)) || uint64(rva)+uint64(size) > uint64(va)+uint64(raw) {
				return 0, 0, fmt.Errorf("the load configuration runs past its section")
			}
			return off, size, nil
		}
	}
	return 0, 0, fmt.Errorf("the load configuration's address %#x is in no section", rva)
}

// setChecksum writes the optional header's CheckSum as IMAGEHLP's
// CheckSumMappedFile computes it.
func setChecksum(b []byte, h headers) {
	at := h.opt + 64
	binary.LittleEndian.PutUint32(b[at:], 0)
	var sum uint64
	for i := 0; i+1 < len(b); i += 2 {
		sum += uint64(binary.LittleEndian.Uint16(b[i:]))
		sum = (sum & 0xFFFF) + (sum >> 16)
	}
	if len(b)%2 == 1 {
		sum += uint64(b[len(b)-1])
		sum = (sum & 0xFFFF) + (sum >> 16)
	}
	sum = (sum & 0xFFFF) + (sum >> 16)
	binary.LittleEndian.PutUint32(b[at:], uint32(sum)+uint32(len(b)))
}

// DependentLoadFlags reads an executable's DependentLoadFlags through
// debug/pe: the load configuration directory, the section that holds it,
// and the field. ErrNoLoadCfg when there is none.
func DependentLoadFlags(f *pe.File) (uint16, error) {
	oh, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok || oh.NumberOfRvaAndSizes <= dirLoadConfig {
		return 0, ErrNotPE64
	}
	dir := oh.DataDirectory[dirLoadConfig]
	if dir.VirtualAddress == 0 {
		return 0, ErrNoLoadCfg
	}
	for _, s := range f.Sections {
		if dir.VirtualAddress < s.VirtualAddress || dir.VirtualAddress >= s.VirtualAddress+s.VirtualSize {
			continue
		}
		data, err := s.Data()
		if err != nil {
			return 0, err
		}
		at := int(dir.VirtualAddress - s.VirtualAddress)
		if at+4 > len(data) {
			return 0, fmt.Errorf("the load configuration lies past %s's data", s.Name)
		}
		size := binary.LittleEndian.Uint32(data[at:])
		if size < dependentLoadFlagsOffset+2 || at+dependentLoadFlagsOffset+2 > len(data) {
			return 0, fmt.Errorf("the load configuration (%d bytes) has no DependentLoadFlags", size)
		}
		return binary.LittleEndian.Uint16(data[at+dependentLoadFlagsOffset:]), nil
	}
	return 0, fmt.Errorf("the load configuration's address %#x is in no section", dir.VirtualAddress)
}

func main() {
	check := flag.Bool("check", false, "only report DependentLoadFlags; exit 1 unless it is 0x800")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: peloadcfg [-check] FILE.exe")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *check); err != nil {
		fmt.Fprintf(os.Stderr, "peloadcfg: %s: %v\n", flag.Arg(0), err)
		os.Exit(1)
	}
}

func run(path string, check bool) error {
	if !check {
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		out, err := AddDependentLoadFlags(b, LoadLibrarySearchSystem32)
		if err != nil {
			return err
		}
		fi, err := os.Stat(path)
		if err != nil {
			return err
		}
		tmp := path + ".peloadcfg"
		if err := os.WriteFile(tmp, out, fi.Mode().Perm()); err != nil {
			return err
		}
		if err := os.Rename(tmp, path); err != nil {
			os.Remove(tmp)
			return err
		}
	}
	f, err := pe.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	flags, err := DependentLoadFlags(f)
	if err != nil {
		return err
	}
	if flags != LoadLibrarySearchSystem32 {
		return fmt.Errorf("DependentLoadFlags is %#x, want %#x", flags, LoadLibrarySearchSystem32)
	}
	fmt.Printf("%s: DependentLoadFlags %#x (LOAD_LIBRARY_SEARCH_SYSTEM32)\n", path, flags)
	return nil
}
