//go:build !windows && !darwin

package platform

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// x11Timeout bounds the whole conversation with the X server.
const x11Timeout = 3 * time.Second

func checkGraphics() (Graphics, error) {
	display := os.Getenv("DISPLAY")
	if display == "" {
		if os.Getenv("WAYLAND_DISPLAY") != "" {
			return Graphics{}, nil // Wayland only: EGL, which only the window itself can try
		}
		return Graphics{}, fmt.Errorf("DISPLAY and WAYLAND_DISPLAY are empty: %w", ErrNoDisplay)
	}
	if os.Getenv("WAYLAND_DISPLAY") != "" && os.Getenv("FYNE_PLATFORM") != "x11" {
		return Graphics{}, nil // Fyne may choose Wayland: let the window decide
	}
	g := Graphics{API: "GLX"}
	major, minor, err := queryGLX(display)
	if err != nil {
		g.Checked = errors.Is(err, ErrNoGraphics) // the server answered: no GLX
		return g, err
	}
	g.Checked = true
	g.Version = fmt.Sprintf("%d.%d", major, minor)
	if major < 1 || (major == 1 && minor < 3) {
		return g, fmt.Errorf("the X server offers GLX %s, older than the GLX 1.3 OpenGL 2.1 windows need: %w", g.Version, ErrNoGraphics)
	}
	return g, nil
}

// queryGLX speaks just enough of the X11 protocol to ask the server named
// by display whether it has the GLX extension, and which version.
func queryGLX(display string) (major, minor uint32, err error) {
	conn, num, err := dialX11(display)
	if err != nil {
		return 0, 0, fmt.Errorf("connecting to the X display %q: %v: %w", display, err, ErrNoDisplay)
	}
	// Kept open once the answer is good, for as long as the app runs: an X
	// server with no other client (Xvfb, as in make test and on some
	// remote desktops) resets when its last client leaves, and the window's
	// own connection, opened a moment later, can fail during that reset
	// ("PlatformUnavailable", seen once in make test). One idle connection
	// costs nothing.
	keep := false
	defer func() {
		if keep {
			keptX11 = conn
			_ = conn.SetDeadline(time.Time{})
		} else {
			conn.Close()
		}
	}()
	_ = conn.SetDeadline(time.Now().Add(x11Timeout))
	authName, authData := xauthCookie(num)
	if err := x11Setup(conn, authName, authData); err != nil {
		return 0, 0, fmt.Errorf("the X display %q refused us: %v: %w", display, err, ErrNoDisplay)
	}
	opcode, present, err := x11QueryExtension(conn, "GLX")
	if err != nil {
		return 0, 0, fmt.Errorf("asking the X display %q for GLX: %v: %w", display, err, ErrNoDisplay)
	}
	if !present {
		return 0, 0, fmt.Errorf("the X display %q has no GLX extension: %w", display, ErrNoGraphics)
	}
	major, minor, err = glxQueryVersion(conn, opcode)
	if err != nil {
		return 0, 0, fmt.Errorf("asking the X display %q for its GLX version: %v: %w", display, err, ErrNoGraphics)
	}
	keep = true
	return major, minor, nil
}

// keptX11 is the connection of the last good GLX check, left open so the
// server does not reset before the window connects (see queryGLX).
var keptX11 net.Conn

// dialX11 connects to DISPLAY ([host]:N[.S]): the local socket for an
// empty host or "unix", TCP port 6000+N otherwise.
func dialX11(display string) (net.Conn, string, error) {
	host, rest, ok := strings.Cut(display, ":")
	if !ok {
		return nil, "", errors.New("not of the form [host]:N")
	}
	num, _, _ := strings.Cut(rest, ".")
	n, err := strconv.Atoi(num)
	if err != nil || n < 0 {
		return nil, "", fmt.Errorf("display number %q", num)
	}
	if host == "" || host == "unix" {
		path := fmt.Sprintf("/tmp/.X11-unix/X%d", n)
		c, err := net.DialTimeout("unix", path, x11Timeout)
		if err != nil {
			c, err = net.DialTimeout("unix", "@"+path, x11Timeout) // Linux's abstract socket
		}
		return c, num, err
	}
	c, err := net.DialTimeout("tcp", net.JoinHostPort(host, strconv.Itoa(6000+n)), x11Timeout)
	return c, num, err
}

// xauthCookie finds the MIT-MAGIC-COOKIE-1 for display number num in
// $XAUTHORITY (or ~/.Xauthority): a local entry of this host, or any
// entry for the number. None is fine: many servers need none.
func xauthCookie(num string) (name string, data []byte) {
	path := os.Getenv("XAUTHORITY")
	if path == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", nil
		}
		path = filepath.Join(home, ".Xauthority")
	}
	f, err := os.Open(path)
	if err != nil {
		return "", nil
	}
	defer f.Close()
	hostname, _ := os.Hostname()
	r := bufio.NewReader(io.LimitReader(f, 1<<20))
	readField := func() ([]byte, error) {
		var n uint16
		if err := binary.Read(r, binary.BigEndian, &n); err != nil {
			return nil, err
		}
		b := make([]byte, n)
		_, err := io.ReadFull(r, b)
		return b, err
	}
	var fallbackName string
	var fallbackData []byte
	for {
		var family uint16
		if err := binary.Read(r, binary.BigEndian, &family); err != nil {
			break
		}
		addr, err1 := readField()
		number, err2 := readField()
		authName, err3 := readField()
		authData, err4 := readField()
		if err := errors.Join(err1, err2, err3, err4); err != nil {
			break
		}
		if string(authName) != "MIT-MAGIC-COOKIE-1" || (len(number) > 0 && string(number) != num) {
			continue
		}
		if family == 256 && string(addr) == hostname { // FamilyLocal
			return string(authName), authData
		}
		if fallbackName == "" {
			fallbackName, fallbackData = string(authName), authData
		}
	}
	return fallbackName, fallbackData
}

func pad4(n int) int { return (4 - n%4) % 4 }

// x11Setup sends the connection setup and reads the server's answer.
func x11Setup(c net.Conn, authName string, authData []byte) error {
	req := []byte{'l', 0}
	req = binary.LittleEndian.AppendUint16(req, 11)
	req = binary.LittleEndian.AppendUint16(req, 0)
	req = binary.LittleEndian.AppendUint16(req, uint16(len(authName)))
	req = binary.LittleEndian.AppendUint16(req, uint16(len(authData)))
	req = append(req, 0, 0)
	req = append(req, authName...)
	req = append(req, make([]byte, pad4(len(authName)))...)
	req = append(req, authData...)
	req = append(req, make([]byte, pad4(len(authData)))...)
	if _, err := c.Write(req); err != nil {
		return err
	}
	head := make([]byte, 8)
	if _, err := io.ReadFull(c, head); err != nil {
		return err
	}
	rest := make([]byte, int(binary.LittleEndian.Uint16(head[6:]))*4)
	if _, err := io.ReadFull(c, rest); err != nil {
		return err
	}
	switch head[0] {
	case 1:
		return nil
	case 0:
		n := min(int(head[1]), len(rest))
		return fmt.Errorf("%s", strings.TrimSpace(string(rest[:n])))
	}
	return errors.New("the server asks for an authentication we do not speak")
}

// x11Reply reads one 32-byte reply (and its extra data), skipping events;
// an error packet is an error.
func x11Reply(c net.Conn) ([]byte, error) {
	for {
		b := make([]byte, 32)
		if _, err := io.ReadFull(c, b); err != nil {
			return nil, err
		}
		switch b[0] {
		case 0:
			return nil, fmt.Errorf("X error %d", b[1])
		case 1:
			extra := make([]byte, int(binary.LittleEndian.Uint32(b[4:]))*4)
			if _, err := io.ReadFull(c, extra); err != nil {
				return nil, err
			}
			return append(b, extra...), nil
		}
	}
}

// x11QueryExtension is the core QueryExtension request (opcode 98).
func x11QueryExtension(c net.Conn, name string) (opcode byte, present bool, err error) {
	req := []byte{98, 0}
	req = binary.LittleEndian.AppendUint16(req, uint16(2+(len(name)+pad4(len(name)))/4))
	req = binary.LittleEndian.AppendUint16(req, uint16(len(name)))
	req = append(req, 0, 0)
	req = append(req, name...)
	req = append(req, make([]byte, pad4(len(name)))...)
	if _, err := c.Write(req); err != nil {
		return 0, false, err
	}
	b, err := x11Reply(c)
	if err != nil {
		return 0, false, err
	}
	return b[9], b[8] != 0, nil
}

// glxQueryVersion is GLX's QueryVersion request (minor opcode 7); we offer 1.4.
func glxQueryVersion(c net.Conn, opcode byte) (major, minor uint32, err error) {
	req := []byte{opcode, 7}
	req = binary.LittleEndian.AppendUint16(req, 3)
	req = binary.LittleEndian.AppendUint32(req, 1)
	req = binary.LittleEndian.AppendUint32(req, 4)
	if _, err := c.Write(req); err != nil {
		return 0, 0, err
	}
	b, err := x11Reply(c)
	if err != nil {
		return 0, 0, err
	}
	return binary.LittleEndian.Uint32(b[8:]), binary.LittleEndian.Uint32(b[12:]), nil
}
