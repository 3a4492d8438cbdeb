package act

import "golang.org/x/sys/windows"

const loadLibrarySearchSystem32 = 0x00000800 // LOAD_LIBRARY_SEARCH_SYSTEM32

func init() { _ = hardenDLLSearch() }

func hardenDLLSearch() error { return windows.SetDefaultDllDirectories(loadLibrarySearchSystem32) }
