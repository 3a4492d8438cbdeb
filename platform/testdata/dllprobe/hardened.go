//go:build hardened

package main

import _ "transitionhelper/platform" // its init calls HardenDLLSearch
