package org.evsettle.tariffs;

/** What a TIME component counts: the time energy flowed (the default) or all the time the car was connected. */
public enum TimeBasis {
    CHARGING,
    CONNECTED
}
