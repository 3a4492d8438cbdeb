// Command dllprobe loads dinput8.dll and dwmapi.dll by bare name, as GLFW
// does, for the Wine test of HardenDLLSearch. Built with -tags hardened it
// imports platform/act, whose initialisation restricts the DLL search to
// System32; built without, it shows that the planted DLLs next to it would
// be loaded.
package main

import (
	"fmt"

	"golang.org/x/sys/windows"
)

func main() {
	for _, name := range []string{"dinput8.dll", "dwmapi.dll"} {
		h, err := windows.LoadLibrary(name)
		fmt.Println(name, h != 0, err)
	}
}
