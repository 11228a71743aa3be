package platform

import (
	"encoding/binary"
	"image"
)

// dibHeaderSize is the size of a BITMAPINFOHEADER.
const dibHeaderSize = 40

// dib returns img as a device-independent bitmap, the clipboard's CF_DIB
// format: a BITMAPINFOHEADER, then 24-bit BGR rows from the bottom up, each
// padded to four bytes. Charts are opaque, so alpha is dropped.
func dib(img image.Image) []byte {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	stride := (3*w + 3) &^ 3
	out := make([]byte, dibHeaderSize+stride*h)
	le := binary.LittleEndian
	le.PutUint32(out[0:], dibHeaderSize)
	le.PutUint32(out[4:], uint32(w))
	le.PutUint32(out[8:], uint32(h)) // positive: bottom-up rows
	le.PutUint16(out[12:], 1)        // planes
	le.PutUint16(out[14:], 24)       // bits per pixel
	le.PutUint32(out[16:], 0)        // BI_RGB: uncompressed
	le.PutUint32(out[20:], uint32(stride*h))
	le.PutUint32(out[24:], 3780) // 96 dots per inch, in dots per metre
	le.PutUint32(out[28:], 3780)
	rgba, _ := img.(*image.RGBA)
	for y := range h {
		row := out[dibHeaderSize+(h-1-y)*stride:]
		for x := range w {
			var r, g, bl uint8
			if rgba != nil {
				i := rgba.PixOffset(b.Min.X+x, b.Min.Y+y)
				r, g, bl = rgba.Pix[i], rgba.Pix[i+1], rgba.Pix[i+2]
			} else {
				r16, g16, b16, _ := img.At(b.Min.X+x, b.Min.Y+y).RGBA()
				r, g, bl = uint8(r16>>8), uint8(g16>>8), uint8(b16>>8)
			}
			row[3*x], row[3*x+1], row[3*x+2] = bl, g, r
		}
	}
	return out
}
