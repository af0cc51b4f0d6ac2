package se.lefi.interfaces.letter;

import java.awt.image.BufferedImage;

/** What a rendered page shows: used to check that a letter renders, not only that its bytes parse. */
public final class RenderedPages {
    private RenderedPages() {
    }

    /** The share of pixels in the rectangle that are dark (luminance under a half): text, not paper. */
    public static double darkShare(BufferedImage image, int x, int y, int width, int height) {
        long dark = 0;
        for (int row = y; row < y + height; row++) {
            for (int column = x; column < x + width; column++) {
                int rgb = image.getRGB(column, row);
                int luminance = (299 * ((rgb >> 16) & 0xff) + 587 * ((rgb >> 8) & 0xff) + 114 * (rgb & 0xff)) / 1000;
                if (luminance < 128) {
                    dark++;
                }
            }
        }
        return (double) dark / ((long) width * height);
    }
}
