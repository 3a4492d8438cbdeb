//go:build windows

package platform

import (
	"fmt"
	"runtime"
	"syscall"
	"unsafe"

	"golang.org/x/sys/windows"
)

// The few calls that make a WGL context, from System32 only.
var (
	modOpenGL32 = windows.NewLazySystemDLL("opengl32.dll")
	modGDI32    = windows.NewLazySystemDLL("gdi32.dll")
	modUser32   = windows.NewLazySystemDLL("user32.dll")

	procWglCreateContext  = modOpenGL32.NewProc("wglCreateContext")
	procWglMakeCurrent    = modOpenGL32.NewProc("wglMakeCurrent")
	procWglDeleteContext  = modOpenGL32.NewProc("wglDeleteContext")
	procGlGetString       = modOpenGL32.NewProc("glGetString")
	procChoosePixelFormat = modGDI32.NewProc("ChoosePixelFormat")
	procSetPixelFormat    = modGDI32.NewProc("SetPixelFormat")
	procCreateWindowExW   = modUser32.NewProc("CreateWindowExW")
	procDestroyWindow     = modUser32.NewProc("DestroyWindow")
	procGetDC             = modUser32.NewProc("GetDC")
	procReleaseDC         = modUser32.NewProc("ReleaseDC")
)

// pixelFormatDescriptor is PIXELFORMATDESCRIPTOR.
type pixelFormatDescriptor struct {
	Size, Version                                                       uint16
	Flags                                                               uint32
	PixelType, ColorBits, RedBits, RedShift, GreenBits, GreenShift      byte
	BlueBits, BlueShift, AlphaBits, AlphaShift, AccumBits, AccumRedBits byte
	AccumGreenBits, AccumBlueBits, AccumAlphaBits, DepthBits            byte
	StencilBits, AuxBuffers, LayerType, Reserved                        byte
	LayerMask, VisibleMask, DamageMask                                  uint32
}

const (
	pfdDoubleBuffer  = 0x1
	pfdDrawToWindow  = 0x4
	pfdSupportOpenGL = 0x20
	wsPopup          = 0x80000000
	glVendor         = 0x1F00
	glRenderer       = 0x1F01
	glVersion        = 0x1F02
)

// checkGraphics makes what GLFW makes first: a hidden window with an
// OpenGL pixel format and a WGL context, then reads GL_VERSION. Windows'
// own software OpenGL (no graphics driver) answers 1.1. Only an OpenGL
// failure is an error; no hidden window at all leaves it unchecked.
func checkGraphics() (Graphics, error) {
	g := Graphics{API: "WGL"}
	runtime.LockOSThread() // a WGL context belongs to its thread
	defer runtime.UnlockOSThread()
	if err := modOpenGL32.Load(); err != nil {
		g.Checked = true
		return g, fmt.Errorf("loading opengl32.dll: %v: %w", err, ErrNoGraphics)
	}
	class := windows.StringToUTF16Ptr("STATIC")
	// A hidden window or its device context that cannot be had proves
	// nothing about OpenGL (seen under Wine while its desktop starts):
	// unchecked, the window itself and its watchdog decide.
	hwnd, _, _ := procCreateWindowExW.Call(0, uintptr(unsafe.Pointer(class)), 0, wsPopup, 0, 0, 1, 1, 0, 0, 0, 0)
	if hwnd == 0 {
		return g, nil
	}
	defer procDestroyWindow.Call(hwnd)
	hdc, _, _ := procGetDC.Call(hwnd)
	if hdc == 0 {
		return g, nil
	}
	defer procReleaseDC.Call(hwnd, hdc)
	g.Checked = true
	pfd := pixelFormatDescriptor{Version: 1, Flags: pfdDrawToWindow | pfdSupportOpenGL | pfdDoubleBuffer, ColorBits: 24, AlphaBits: 8, DepthBits: 24, StencilBits: 8}
	pfd.Size = uint16(unsafe.Sizeof(pfd))
	format, _, err := procChoosePixelFormat.Call(hdc, uintptr(unsafe.Pointer(&pfd)))
	if format == 0 {
		return g, fmt.Errorf("no OpenGL pixel format%s: %w", because(err), ErrNoGraphics)
	}
	if ok, _, err := procSetPixelFormat.Call(hdc, format, uintptr(unsafe.Pointer(&pfd))); ok == 0 {
		return g, fmt.Errorf("setting an OpenGL pixel format%s: %w", because(err), ErrNoGraphics)
	}
	ctx, _, err := procWglCreateContext.Call(hdc)
	if ctx == 0 {
		return g, fmt.Errorf("creating an OpenGL context%s: %w", because(err), ErrNoGraphics)
	}
	defer procWglDeleteContext.Call(ctx)
	if ok, _, err := procWglMakeCurrent.Call(hdc, ctx); ok == 0 {
		return g, fmt.Errorf("using an OpenGL context%s: %w", because(err), ErrNoGraphics)
	}
	defer procWglMakeCurrent.Call(0, 0)
	str := func(name uintptr) string {
		p, _, _ := procGlGetString.Call(name)
		if p == 0 {
			return ""
		}
		return windows.BytePtrToString(*(**byte)(unsafe.Pointer(&p))) // a static string of opengl32
	}
	g.Version, g.Renderer = str(glVersion), str(glRenderer)
	if v := str(glVendor); v != "" && g.Renderer != "" {
		g.Renderer = v + " " + g.Renderer
	}
	if !GLVersionAtLeast(g.Version, 2, 1) {
		return g, fmt.Errorf("OpenGL %q is older than 2.1 (Windows without a graphics driver offers 1.1): %w", g.Version, ErrNoGraphics)
	}
	return g, nil
}

// because is ": " and a call's error, or nothing when Windows set none.
func because(err error) string {
	if errno, ok := err.(syscall.Errno); !ok || errno == 0 {
		return ""
	}
	return ": " + err.Error()
}
