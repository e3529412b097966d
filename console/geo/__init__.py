"""Map geometry without Qt: coordinate systems, web-mercator tiles, MBTiles files, the
tile renderer, the folium page builder and the loopback server that feeds the map view.
"""
