package act

// HardenDLLSearch makes Windows look for DLLs loaded by bare name
// (LoadLibrary("dinput8.dll"), as GLFW does for dinput8 and dwmapi) in
// System32 only, never in the program's folder (Downloads, for the portable
// exe) or the current folder: SetDefaultDllDirectories(
// LOAD_LIBRARY_SEARCH_SYSTEM32). The package's initialisation already calls
// it, before main and before any window is opened; calling it again is
// harmless, and main may call it first thing to see its error. DLLs the
// executable imports at link time (opengl32.dll) are loaded by Windows
// before any code runs and are not covered. Elsewhere it does nothing.
func HardenDLLSearch() error { return hardenDLLSearch() }
