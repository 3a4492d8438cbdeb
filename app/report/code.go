// Package report turns the state of one computer into what support staff
// need: a status code to read over the phone, and text, JSON and HTML
// reports, with user names and home folders redacted unless asked.
package report

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// The status code is 35 bits in seven Crockford base32 characters, then one
// check character: KTH-XXXX-XXXX. The check is the Damm algorithm over
// GF(32) (x∘y = 2x + y with the field's reduction polynomial x⁵+x²+1), which
// catches every single wrong character and every swap of two neighbours.
//
// Bits, from the most significant: format (2), version major (3), minor
// (6), patch (5), OS (2), region (1), step (3), the first eleven flags, the
// twelfth flag, the thirteenth. (The twelfth, the system's own end of
// support, and the thirteenth, a product left to remove by hand, took the
// two spare bits, so every code without them is the same as before; a
// decoder older than them asks for a code with them to be read again.)

// Alphabet is Crockford's base32: no I, L, O or U.
const Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// Prefix starts every code.
const Prefix = "KTH"

const codeFormat = 1

// OS families in the code.
const (
	OSOther   = 0
	OSWindows = 1
	OSMac     = 2
	OSLinux   = 3
)

// Flag is one yes/no fact in the code.
type Flag uint16

// The flags, in code order.
const (
	FlagKasperskyRunning Flag = 1 << iota
	FlagKasperskyInstalled
	FlagLeftovers
	FlagPasswordManager
	FlagVPN
	FlagSafeKids
	FlagUltraAV
	FlagPasswordProtected
	FlagRestartPending
	FlagActiveProtection
	FlagTwoScanners
	FlagOSUnsupported // the system itself gets no security updates (Windows 10)
	FlagByHand        // a Kaspersky product's uninstaller cannot be started from the app
	flagCount         = 13
)

// Status is what a code carries.
type Status struct {
	Major, Minor, Patch int
	OS                  int // OSWindows, OSMac, OSLinux, OSOther
	US                  bool
	Step                int // 1–7
	Flags               Flag
}

// Has reports whether f is set.
func (s Status) Has(f Flag) bool { return s.Flags&f != 0 }

// ErrBadCode is returned for a code that fails its check or its format:
// the caller is asked to read it again.
var ErrBadCode = errors.New("this code is not valid; please read the code again")

// OSCode maps runtime.GOOS to the code's OS family.
func OSCode(goos string) int {
	switch goos {
	case "windows":
		return OSWindows
	case "darwin":
		return OSMac
	case "linux":
		return OSLinux
	}
	return OSOther
}

// ParseVersion reads "1.2.3" (a leading v and a suffix such as -dev are
// ignored); anything else is 0.0.0. Parts too large for the code are capped.
func ParseVersion(v string) (major, minor, patch int) {
	v = strings.TrimPrefix(v, "v")
	v, _, _ = strings.Cut(v, "-")
	parts := strings.Split(v, ".")
	nums := make([]int, 3)
	for i := 0; i < 3 && i < len(parts); i++ {
		n, err := strconv.Atoi(parts[i])
		if err != nil || n < 0 {
			return 0, 0, 0
		}
		nums[i] = n
	}
	return min(nums[0], 7), min(nums[1], 63), min(nums[2], 31)
}

// Encode makes the code for s, such as KTH-0G8R-M2Q7.
func Encode(s Status) string {
	var v uint64
	put := func(bits int, x int) { v = v<<bits | uint64(x)&(1<<bits-1) }
	put(2, codeFormat)
	put(3, s.Major)
	put(6, s.Minor)
	put(5, s.Patch)
	put(2, s.OS)
	us := 0
	if s.US {
		us = 1
	}
	put(1, us)
	put(3, s.Step)
	put(11, int(s.Flags))
	put(1, int(s.Flags>>11))
	put(1, int(s.Flags>>12))
	digits := make([]byte, 8)
	for i := 6; i >= 0; i-- {
		digits[i] = byte(v & 31)
		v >>= 5
	}
	digits[7] = gfDouble(dammCheck(digits[:7])) // brings the run to 0
	var b strings.Builder
	b.WriteString(Prefix)
	for i, d := range digits {
		if i%4 == 0 {
			b.WriteByte('-')
		}
		b.WriteByte(Alphabet[d])
	}
	return b.String()
}

// Decode reads a code as a person may have typed it: lower case, spaces,
// missing dashes, with or without the KTH prefix; O for 0 and I or L for 1.
func Decode(code string) (Status, error) {
	s := strings.ToUpper(code)
	s = strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' || r == '\t' || r == '.' {
			return -1
		}
		return r
	}, s)
	s = strings.TrimPrefix(s, Prefix)
	if len(s) != 8 {
		return Status{}, ErrBadCode
	}
	digits := make([]byte, 8)
	for i := range 8 {
		c := s[i]
		switch c {
		case 'O':
			c = '0'
		case 'I', 'L':
			c = '1'
		}
		d := strings.IndexByte(Alphabet, c)
		if d < 0 {
			return Status{}, ErrBadCode
		}
		digits[i] = byte(d)
	}
	if dammCheck(digits) != 0 {
		return Status{}, ErrBadCode
	}
	var v uint64
	for _, d := range digits[:7] {
		v = v<<5 | uint64(d)
	}
	take := func(bits int) int {
		shift := 35 - bits
		x := int(v >> shift & (1<<bits - 1))
		v = v << bits & (1<<35 - 1)
		return x
	}
	var st Status
	if take(2) != codeFormat {
		return Status{}, fmt.Errorf("%w (a code from another version of the app)", ErrBadCode)
	}
	st.Major, st.Minor, st.Patch = take(3), take(6), take(5)
	st.OS = take(2)
	st.US = take(1) == 1
	st.Step = take(3)
	st.Flags = Flag(take(11)) | Flag(take(1))<<11 | Flag(take(1))<<12
	if st.Step < 1 || st.Step > 7 {
		return Status{}, ErrBadCode
	}
	return st, nil
}

// gfDouble multiplies by x in GF(32) modulo x⁵+x²+1.
func gfDouble(a byte) byte {
	a <<= 1
	if a&32 != 0 {
		a ^= 0b100101
	}
	return a
}

// dammCheck runs the Damm algorithm over digits and returns the interim
// digit: 0 for a valid code with its check character.
func dammCheck(digits []byte) byte {
	var interim byte
	for _, d := range digits {
		interim = gfDouble(interim) ^ d
	}
	return interim
}
