public enum RoadNetworkPlaceholder {}
