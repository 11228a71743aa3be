package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage/repository"
)

// errOffline is returned for any attempt to read a web address: Parley never
// touches the network.
var errOffline = errors.New("web addresses are refused: Parley works offline")

// offlineRepository refuses http and https URIs. Fyne registers a repository
// that fetches them over the network; Parley replaces it so that no widget
// can ever load a web address (an image in a document, say).
type offlineRepository struct{}

func (offlineRepository) Exists(fyne.URI) (bool, error)               { return false, errOffline }
func (offlineRepository) Reader(fyne.URI) (fyne.URIReadCloser, error) { return nil, errOffline }
func (offlineRepository) CanRead(fyne.URI) (bool, error)              { return false, errOffline }
func (offlineRepository) Destroy(string)                              {}

// refuseNetwork registers offlineRepository for web addresses. It must run
// after the app is made, which registers Fyne's own.
func refuseNetwork() {
	for _, scheme := range []string{"http", "https"} {
		repository.Register(scheme, offlineRepository{})
	}
}
