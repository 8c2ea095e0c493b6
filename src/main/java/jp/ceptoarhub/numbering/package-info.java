/**
 * Numbering of items that are shared between organisations (decisions §4): NISC's provisions T1, T1-2 …, each
 * CEPTOAR's own alerts under a prefix of its choosing, and (later) reports R1, R1-2 … assigned by NISC. One
 * component serves every series so that alerts and reports, siblings on the package ladder, number the same way
 * without depending on each other.
 * <p>
 * Rules, from the information-sharing handbook (情報共有の手引書 3 情報提供, 図６; 2 情報連絡, 図３; extraction
 * L35459–35566, L36508–36581): the first item of a thread gets the series' next number (Ｔ１); its follow-ups carry
 * the thread's number and their position in the thread (Ｔ１-2, 「第３報以降も同様」). Numbers are never reused and
 * are assigned in the transaction that makes the item visible.
 */
package jp.ceptoarhub.numbering;
