//go:build !accessibility

package ui

// bridgeBuilt: this build has Fyne's screen-reader bridges.
const bridgeBuilt = false
